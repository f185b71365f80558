#!/usr/bin/perl
# Signs or verifies one exported benchmark message with Mail::DKIM in a loop; prints messages per second (the
# median of several timed runs). Same interface as bench/opendkim/dkimbench: DIR ALGORITHM SIZE sign|verify RUNS SECONDS.
#
# The private key is loaded once and handed to every signer (Mail::DKIM keeps the parsed OpenSSL key on it);
# the public key is parsed once and returned without DNS by replacing the key fetch. Exit status 3: the
# algorithm is not available in this Mail::DKIM (Debian 12's has no Ed25519).
use strict;
use warnings;
use Mail::DKIM::PrivateKey;
use Mail::DKIM::PublicKey;
use Mail::DKIM::Signer;
use Mail::DKIM::Verifier;
use Time::HiRes qw(time);

my ($folder, $algorithm, $size, $operation, $runs, $seconds) = @ARGV;
if ($algorithm ne 'rsa-sha256') {
    print STDERR "this Mail::DKIM does not support $algorithm\n";
    exit 3;
}

sub slurp {
    my ($path) = @_;
    open my $handle, '<:raw', $path or die "cannot read $path: $!\n";
    local $/;
    my $content = <$handle>;
    close $handle;
    return $content;
}

my $once;
if ($operation eq 'sign') {
    my $key = Mail::DKIM::PrivateKey->load(File => "$folder/$algorithm.pkcs1.pem");
    my $message = slurp("$folder/$size.eml");
    $once = sub {
        my $signer = Mail::DKIM::Signer->new(Algorithm => $algorithm, Method => 'relaxed', Domain => 'example.com',
            Selector => 's1', Key => $key, Headers => 'from:to:subject:date:message-id');
        $signer->PRINT($message);
        $signer->CLOSE;
        $signer->signature->as_string;
    };
}
else {
    my $record = slurp("$folder/$algorithm.txt");
    $record =~ s/\s+\z//;
    my $public = Mail::DKIM::PublicKey->parse($record);
    $public->check;
    no warnings 'redefine';
    *Mail::DKIM::PublicKey::fetch_async = sub {
        my ($class, %prms) = @_;
        my $success = $prms{Callbacks}{Success} || sub { $_[0] };
        my $answer = $success->($public);
        return sub { $answer };
    };
    my $message = slurp("$folder/$size.$algorithm.eml");
    $once = sub {
        my $verifier = Mail::DKIM::Verifier->new();
        $verifier->PRINT($message);
        $verifier->CLOSE;
        die 'Mail::DKIM did not verify the message: ' . ($verifier->result_detail // '') . "\n" if $verifier->result ne 'pass';
    };
}

sub timed {
    my ($duration) = @_;
    my ($count, $start) = (0, time);
    while (1) {
        $once->() for 1 .. 4;
        $count += 4;
        my $elapsed = time - $start;
        return $count / $elapsed if $elapsed >= $duration;
    }
}

$once->();
timed($seconds / 4);
my @rates = sort { $a <=> $b } map { timed($seconds) } 1 .. $runs;
printf "%.1f\n", $rates[int(@rates / 2)];
