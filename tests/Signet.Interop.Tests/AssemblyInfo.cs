// Every test here runs a peer (OpenDKIM, dkimpy, Mail::DKIM) against keys served by nsd: the integration tier.
[assembly: AssemblyTrait("Tier", "Integration")]
