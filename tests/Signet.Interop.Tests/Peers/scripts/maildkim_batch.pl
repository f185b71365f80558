#!/usr/bin/perl
# Signs or verifies a batch of messages with Mail::DKIM, so one interpreter start serves a whole batch.
#
# Usage: perl maildkim_batch.pl sign|verify MANIFEST RESULTS
#
# MANIFEST is JSON: {"dns": {"address": "127.0.0.1", "port": 5353}, "jobs": [...]}.
# A sign job is {"message", "out", "key", "algorithm", "selector", "domain", "canonicalization"}; the signed
# message (the signature on top of the input, in the input's line ending) is written to "out". The key is a
# PKCS#1 PEM, the form Mail::DKIM reads. A verify job is {"message"}. RESULTS is written as JSON: one
# {"pass": bool, "detail": str} per job, same order. Keys are looked up only at the DNS server the manifest names.
#
# Mail::DKIM expects CRLF line endings; bare LFs are converted first, as the dkimproxy-sign and dkimproxy-verify
# commands shipped with it do, and the signature is written back in the input's line ending. Unlike those commands,
# a last line without a line break is left as it is, so the library's own handling of it is what gets tested.
use strict;
use warnings;
use JSON::PP;
use Mail::DKIM::DNS;
use Mail::DKIM::Signer;
use Mail::DKIM::Verifier;
use Net::DNS::Resolver;

sub slurp {
    my ($path) = @_;
    open my $handle, '<:raw', $path or die "cannot read $path: $!\n";
    local $/;
    my $content = <$handle>;
    close $handle;
    return $content;
}

sub with_crlf {
    my ($message) = @_;
    my $copy = $message;
    $copy =~ s/(?<!\r)\n/\r\n/g;
    return $copy;
}

sub sign_job {
    my ($job) = @_;
    my $message = slurp($job->{message});
    my $signer = Mail::DKIM::Signer->new(
        Algorithm => $job->{algorithm},
        Method    => $job->{canonicalization},
        Domain    => $job->{domain},
        Selector  => $job->{selector},
        KeyFile   => $job->{key},
    );
    $signer->PRINT(with_crlf($message));
    $signer->CLOSE;
    my $signature = $signer->signature
      or return { pass => JSON::PP::false, detail => 'no signature made' };
    my $field = $signature->as_string . "\r\n";
    $field =~ s/\r\n/\n/g if $message !~ /\r\n/;
    open my $out, '>:raw', $job->{out} or die "cannot write $job->{out}: $!\n";
    print {$out} $field, $message;
    close $out;
    return { pass => JSON::PP::true, detail => '' };
}

sub verify_job {
    my ($job) = @_;
    my $verifier = Mail::DKIM::Verifier->new();
    $verifier->PRINT(with_crlf(slurp($job->{message})));
    $verifier->CLOSE;
    my @each = map {
        my $detail = $_->result_detail // $_->result // '';
        sprintf 's=%s a=%s %s', $_->selector // '?', $_->algorithm // '?', $detail;
    } $verifier->signatures;
    my $result = $verifier->result // 'none';
    my $detail = @each ? join('; ', @each) : ($verifier->result_detail // $result);
    return { pass => ($result eq 'pass' ? JSON::PP::true : JSON::PP::false), detail => $detail };
}

my ($operation, $manifest_path, $results_path) = @ARGV;
my $manifest = JSON::PP->new->decode(slurp($manifest_path));
Mail::DKIM::DNS::resolver(Net::DNS::Resolver->new(
    nameservers => [ $manifest->{dns}{address} ],
    port        => $manifest->{dns}{port},
    recurse     => 0,
    searchlist  => [],
    defnames    => 0,
    dnsrch      => 0,
    udp_timeout => 5,
    tcp_timeout => 5,
));

my @results;
for my $job (@{ $manifest->{jobs} }) {
    # One bad job must not hide the others' results.
    my $result = eval { $operation eq 'sign' ? sign_job($job) : verify_job($job) };
    $result //= { pass => JSON::PP::false, detail => "error: $@" };
    push @results, $result;
}

open my $out, '>:raw', $results_path or die "cannot write $results_path: $!\n";
print {$out} JSON::PP->new->utf8->canonical->encode(\@results);
close $out;
