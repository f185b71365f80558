/* The floor of any milter in bench/mailflow.sh: it asks Postfix for what Signet's milter asks (the same protocol steps
 * skipped, the same steps unanswered, header values with their leading space), reads every packet, and at the end of
 * each message inserts one fixed header field of a DKIM signature's size, as a signing milter would, with no
 * signature computed. Written on Sendmail's libmilter (thread per connection), as OpenDKIM is. What Postfix with this
 * milter manages, beside Postfix alone, is the most any milter can reach on the machine before doing its own work.
 *
 * Build: cc -O2 -o nullmilter nullmilter.c -lmilter -pthread      Run: nullmilter SOCKET (inet:PORT@127.0.0.1 or
 * local:/path), in the foreground. */
#include <libmilter/mfapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The length of an RSA-2048 relaxed/relaxed signature with Signet's tag set, folded as Signet folds it. */
static char signature[520];

static sfsistat negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1, unsigned long f2, unsigned long f3,
                          unsigned long *pf0, unsigned long *pf1, unsigned long *pf2, unsigned long *pf3)
{
  (void)ctx; (void)f2; (void)f3;
  unsigned long wanted = SMFIP_NOHELO | SMFIP_NORCPT | SMFIP_NODATA | SMFIP_NOUNKNOWN | SMFIP_NR_CONN | SMFIP_NR_MAIL
                         | SMFIP_NR_HDR | SMFIP_NR_EOH | SMFIP_NR_BODY | SMFIP_HDR_LEADSPC;
  *pf0 = (SMFIF_ADDHDRS | SMFIF_CHGHDRS) & f0;
  *pf1 = wanted & f1;
  *pf2 = 0;
  *pf3 = 0;
  return SMFIS_CONTINUE;
}

static sfsistat no_reply(SMFICTX *ctx) { (void)ctx; return SMFIS_NOREPLY; }
static sfsistat on_connect(SMFICTX *ctx, char *host, _SOCK_ADDR *address) { (void)host; (void)address; return no_reply(ctx); }
static sfsistat on_mail(SMFICTX *ctx, char **arguments) { (void)arguments; return no_reply(ctx); }
static sfsistat on_header(SMFICTX *ctx, char *name, char *value) { (void)name; (void)value; return no_reply(ctx); }
static sfsistat on_body(SMFICTX *ctx, unsigned char *chunk, size_t length) { (void)chunk; (void)length; return no_reply(ctx); }

static sfsistat on_end_of_message(SMFICTX *ctx)
{
  return smfi_insheader(ctx, 0, "DKIM-Signature", signature) == MI_SUCCESS ? SMFIS_CONTINUE : SMFIS_TEMPFAIL;
}

int main(int argc, char **argv)
{
  if (argc != 2)
  {
    fprintf(stderr, "usage: nullmilter inet:PORT@HOST|local:/path\n");
    return 2;
  }

  /* A value shaped like a signature: tags, then base64 folded at 76 columns with CRLF and a tab. */
  size_t at = (size_t)snprintf(signature, sizeof signature, " v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=s1;\r\n\th=from:to:subject:date:message-id;\r\n\tbh=");
  for (size_t column = 0; at + 4 < sizeof signature; column++)
  {
    if (column % 76 == 75)
    {
      signature[at++] = '\r';
      signature[at++] = '\n';
      signature[at++] = '\t';
    }
    else
    {
      signature[at++] = 'A';
    }
  }
  signature[at] = '\0';

  struct smfiDesc description = {
    .xxfi_name = "nullmilter",
    .xxfi_version = SMFI_VERSION,
    .xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS,
    .xxfi_connect = on_connect,
    .xxfi_envfrom = on_mail,
    .xxfi_header = on_header,
    .xxfi_eoh = no_reply,
    .xxfi_body = on_body,
    .xxfi_eom = on_end_of_message,
    .xxfi_negotiate = negotiate,
  };
  if (smfi_setconn(argv[1]) != MI_SUCCESS || smfi_register(description) != MI_SUCCESS)
  {
    fprintf(stderr, "nullmilter: cannot use %s\n", argv[1]);
    return 1;
  }

  return smfi_main() == MI_SUCCESS ? 0 : 1;
}
