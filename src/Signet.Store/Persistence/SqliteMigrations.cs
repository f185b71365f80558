namespace Signet.Store.Persistence;

/// <summary>The SQLite schema, one step per version. Steps are never edited once released: a change is a new step.
/// Times are UTC ticks; ids are text; booleans are 0 or 1, the same in both backends.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        // Version 1: domains, keys, users, tokens, audit, settings and the revision counter.
        """
        CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE revision (id INTEGER PRIMARY KEY, value BIGINT NOT NULL);
        INSERT INTO revision (id, value) VALUES (1, 1);
        CREATE TABLE domains (
            name TEXT PRIMARY KEY, signing_enabled BIGINT NOT NULL, subdomains TEXT NOT NULL, created_at BIGINT NOT NULL);
        CREATE TABLE keys (
            id TEXT PRIMARY KEY, scope TEXT NOT NULL, domain TEXT NOT NULL, selector TEXT NOT NULL,
            algorithm TEXT NOT NULL, bits BIGINT NOT NULL, public_key BLOB NOT NULL, sealed_private_key BLOB NOT NULL,
            state TEXT NOT NULL, created_at BIGINT NOT NULL, activated_at BIGINT, retired_at BIGINT, revoked_at BIGINT,
            origin TEXT NOT NULL, activation_forced BIGINT NOT NULL DEFAULT 0,
            dns_checked_at BIGINT, dns_published BIGINT, dns_matches BIGINT, dns_summary TEXT);
        CREATE UNIQUE INDEX keys_selector ON keys (scope, domain, selector) WHERE state <> 'Deleted';
        CREATE TABLE users (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL);
        CREATE TABLE user_domains (user_id TEXT NOT NULL, domain TEXT NOT NULL, PRIMARY KEY (user_id, domain));
        CREATE TABLE tokens (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL, description TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL);
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at BIGINT NOT NULL, actor_id TEXT NOT NULL, actor TEXT NOT NULL,
            action TEXT NOT NULL, target TEXT NOT NULL, domain TEXT, detail TEXT NOT NULL);
        """,

        // Version 2: rotations.
        """
        CREATE TABLE rotations (
            id TEXT PRIMARY KEY, old_key_id TEXT NOT NULL, new_key_id TEXT NOT NULL, step TEXT NOT NULL,
            started_at BIGINT NOT NULL, switched_at BIGINT, revoke_after_ticks BIGINT NOT NULL);
        ALTER TABLE keys ADD COLUMN rotation_id TEXT;
        """,

        // Version 3: console sessions kept in the store (so sign-out and password changes end them on every node),
        // token expiry, prefix and last use, and audit rows that count repeated failed sign-ins.
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL, idle_ticks BIGINT NOT NULL);
        CREATE INDEX sessions_user ON sessions (user_id);
        ALTER TABLE tokens ADD COLUMN prefix TEXT;
        ALTER TABLE tokens ADD COLUMN expires_at BIGINT;
        ALTER TABLE tokens ADD COLUMN last_used_at BIGINT;
        ALTER TABLE audit ADD COLUMN count BIGINT NOT NULL DEFAULT 1;
        ALTER TABLE audit ADD COLUMN address TEXT;
        CREATE INDEX audit_failures ON audit (action, target, address, at);
        """,

        // Version 4: DNS publishers (the TSIG secret sealed under the master key like private keys) and each domain's
        // hands-off rotation: its publisher, its settings, and the state of its rotation driver, kept here so every
        // step survives a restart and a lease lets exactly one node take each step.
        """
        CREATE TABLE publishers (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, primary_server TEXT NOT NULL, zone TEXT NOT NULL,
            key_name TEXT NOT NULL, sealed_secret BLOB NOT NULL, created_at BIGINT NOT NULL);
        CREATE TABLE domain_rotation (
            domain TEXT PRIMARY KEY, publisher_id TEXT, interval_ticks BIGINT, key_kinds TEXT NOT NULL, selector_scheme TEXT NOT NULL,
            overlap_ticks BIGINT NOT NULL, revoked_lifetime_ticks BIGINT NOT NULL, paused BIGINT NOT NULL DEFAULT 0,
            step TEXT NOT NULL DEFAULT 'Idle', step_at BIGINT, next_attempt_at BIGINT, attempts BIGINT NOT NULL DEFAULT 0,
            last_failure TEXT, lease_owner TEXT, lease_until BIGINT, last_rotated_at BIGINT, run_now BIGINT NOT NULL DEFAULT 0);
        """,
    ];
}
