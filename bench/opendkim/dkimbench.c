/*
 * Signs or verifies one exported benchmark message with libopendkim in a loop and prints messages per second
 * (the median of several timed runs), so its figures stand beside Signet's from the same run.
 *
 * Usage: dkimbench DIR ALGORITHM SIZE sign|verify RUNS SECONDS
 *   DIR holds what Signet.Bench --export writes: ALGORITHM.pem (PKCS#8), ALGORITHM.seed (Ed25519 seed, base64),
 *   ALGORITHM.txt (the key record), SIZE.eml (unsigned) and SIZE.ALGORITHM.eml (signed by Signet).
 *
 * What the API allows:
 *   - Signing: dkim_sign() takes the private key as text for every message and parses it again each time;
 *     there is no way to hand the library a parsed key, so every signed message pays for the key parsing.
 *   - Verifying: dkim_set_key_lookup() installs a callback that returns the key record's text without DNS.
 *     The library still parses that record and decodes the public key on every message (it has no parsed-key
 *     cache; its optional query cache stores only the record text).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <opendkim/dkim.h>

static unsigned char *record_text;

static unsigned char *slurp(const char *path, size_t *length)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        perror(path);
        exit(2);
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *data = malloc((size_t)size + 1);
    if (fread(data, 1, (size_t)size, file) != (size_t)size) {
        perror(path);
        exit(2);
    }
    fclose(file);
    data[size] = '\0';
    if (length != NULL)
        *length = (size_t)size;
    return data;
}

static void trim(unsigned char *text)
{
    size_t length = strlen((char *)text);
    while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r'))
        text[--length] = '\0';
}

static DKIM_CBSTAT lookup_key(DKIM *dkim, DKIM_SIGINFO *sig, u_char *buf, size_t buflen)
{
    (void)dkim;
    (void)sig;
    size_t length = strlen((char *)record_text);
    if (length + 1 > buflen)
        return DKIM_CBSTAT_ERROR;
    memcpy(buf, record_text, length + 1);
    return DKIM_CBSTAT_CONTINUE;
}

/* Feeds the header fields one by one (each without its final CRLF, folded lines kept), then the body. */
static DKIM_STAT feed(DKIM *dkim, unsigned char *message, size_t length)
{
    size_t position = 0;
    while (position < length) {
        if (message[position] == '\r' && position + 1 < length && message[position + 1] == '\n') {
            position += 2;
            break;
        }
        size_t start = position;
        for (;;) {
            unsigned char *lf = memchr(message + position, '\n', length - position);
            if (lf == NULL) {
                position = length;
                break;
            }
            position = (size_t)(lf - message) + 1;
            if (position >= length || (message[position] != ' ' && message[position] != '\t'))
                break;
        }
        size_t end = position;
        if (end > start && message[end - 1] == '\n')
            end--;
        if (end > start && message[end - 1] == '\r')
            end--;
        DKIM_STAT status = dkim_header(dkim, message + start, end - start);
        if (status != DKIM_STAT_OK)
            return status;
    }
    DKIM_STAT status = dkim_eoh(dkim);
    if (status != DKIM_STAT_OK)
        return status;
    if (position < length) {
        status = dkim_body(dkim, message + position, length - position);
        if (status != DKIM_STAT_OK)
            return status;
    }
    return dkim_eom(dkim, NULL);
}

struct job {
    DKIM_LIB *lib;
    int sign;
    dkim_alg_t algorithm;
    unsigned char *key;
    unsigned char *message;
    size_t length;
};

static void run_once(struct job *job)
{
    DKIM_STAT status;
    DKIM *dkim;
    if (job->sign)
        dkim = dkim_sign(job->lib, (unsigned char *)"bench", NULL, job->key, (unsigned char *)"s1",
                         (unsigned char *)"example.com", DKIM_CANON_RELAXED, DKIM_CANON_RELAXED, job->algorithm, -1, &status);
    else
        dkim = dkim_verify(job->lib, (unsigned char *)"bench", NULL, &status);
    if (dkim == NULL) {
        fprintf(stderr, "dkim_%s: %s\n", job->sign ? "sign" : "verify", dkim_getresultstr(status));
        exit(1);
    }
    status = feed(dkim, job->message, job->length);
    if (status != DKIM_STAT_OK) {
        fprintf(stderr, "%s failed: %s (%s)\n", job->sign ? "signing" : "verification", dkim_getresultstr(status),
                dkim_geterror(dkim) ? dkim_geterror(dkim) : "");
        exit(1);
    }
    if (job->sign) {
        unsigned char *field;
        size_t field_length;
        status = dkim_getsighdr_d(dkim, strlen("DKIM-Signature: "), &field, &field_length);
        if (status != DKIM_STAT_OK) {
            fprintf(stderr, "dkim_getsighdr_d: %s\n", dkim_getresultstr(status));
            exit(1);
        }
    }
    dkim_free(dkim);
}

static double now(void)
{
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (double)time.tv_sec + (double)time.tv_nsec / 1e9;
}

static double timed_run(struct job *job, double seconds)
{
    double start = now();
    double elapsed;
    long count = 0;
    do {
        for (int i = 0; i < 8; i++)
            run_once(job);
        count += 8;
        elapsed = now() - start;
    } while (elapsed < seconds);
    return (double)count / elapsed;
}

static int compare(const void *left, const void *right)
{
    double a = *(const double *)left, b = *(const double *)right;
    return (a > b) - (a < b);
}

int main(int argc, char **argv)
{
    if (argc != 7) {
        fprintf(stderr, "usage: dkimbench DIR ALGORITHM SIZE sign|verify RUNS SECONDS\n");
        return 2;
    }
    const char *dir = argv[1], *algorithm = argv[2], *size = argv[3];
    int runs = atoi(argv[5]);
    double seconds = atof(argv[6]);
    char path[4096];
    struct job job = { .sign = strcmp(argv[4], "sign") == 0 };
    job.algorithm = strcmp(algorithm, "ed25519-sha256") == 0 ? DKIM_SIGN_ED25519SHA256 : DKIM_SIGN_RSASHA256;

    job.lib = dkim_init(NULL, NULL);
    if (job.lib == NULL) {
        fprintf(stderr, "dkim_init failed\n");
        return 1;
    }
    if (job.sign) {
        snprintf(path, sizeof path, "%s/%s.pem", dir, algorithm);
        job.key = slurp(path, NULL);
        snprintf(path, sizeof path, "%s/%s.eml", dir, size);
    } else {
        snprintf(path, sizeof path, "%s/%s.txt", dir, algorithm);
        record_text = slurp(path, NULL);
        trim(record_text);
        dkim_set_key_lookup(job.lib, lookup_key);
        snprintf(path, sizeof path, "%s/%s.%s.eml", dir, size, algorithm);
    }
    job.message = slurp(path, &job.length);

    run_once(&job);
    timed_run(&job, seconds / 4);
    double *rates = calloc((size_t)runs, sizeof *rates);
    for (int i = 0; i < runs; i++)
        rates[i] = timed_run(&job, seconds);
    qsort(rates, (size_t)runs, sizeof *rates, compare);
    printf("%.1f\n", rates[runs / 2]);
    dkim_close(job.lib);
    return 0;
}
