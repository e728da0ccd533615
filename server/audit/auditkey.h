#pragma once

#include <string>

namespace onewindow::server {

/// The secret the audit trail's entries and checkpoints are signed with (HMAC-SHA256). It lives in
/// a file outside the database, readable by the service's user only, so that whoever can write
/// the database but not read that file cannot make an entry or a checkpoint that verifies.
class AuditKey
{
public:
    /// Reads the key from `path`. Throws when the file is missing, too short, or open to its
    /// group or to others (the server then refuses to start).
    static AuditKey load(const std::string &path);
    /// Reads the key from `path`, or when there is no such file, creates one (mode 0600) with 32
    /// random bytes; `created` says which happened. Throws as load() does.
    static AuditKey loadOrCreate(const std::string &path, bool &created);
    /// A key given as is (tests and benchmarks).
    explicit AuditKey(std::string secret);

    /// Names the key without revealing it: 16 hex digits, recorded with every entry it signs.
    const std::string &id() const { return m_id; }
    /// Lower-case hex HMAC-SHA256 of `data`.
    std::string mac(const std::string &data) const;

private:
    std::string m_secret;
    std::string m_id;
};

/// `a == b`, in a time that does not depend on where they first differ.
bool sameDigest(const std::string &a, const std::string &b);

} // namespace onewindow::server
