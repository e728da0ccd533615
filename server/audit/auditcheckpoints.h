#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onewindow::server {

class AuditKey;

/// What the audit trail held at one moment, as a checkpoint records it: enough for verify to tell
/// that entries written before it were removed afterwards.
struct AuditCheckpoint
{
    std::string at;                   ///< when it was taken, ISO 8601
    std::int64_t seq = 0;             ///< the last entry of the chain outside cases (0: none yet)
    std::string head;                 ///< that entry's hash
    std::int64_t chainEntries = 0;    ///< entries of the chain outside cases, up to `seq`
    std::int64_t cases = 0;           ///< cases created (recorded in that chain), up to `seq`
    std::int64_t upTo = 0;            ///< the highest entry number of the whole trail then
    std::int64_t entries = 0;         ///< entries of every chain then, all numbered up to `upTo`
};

/// The checkpoint file: one signed line (JSON, HMAC-SHA256 with the audit key) appended per
/// checkpoint, outside the database, so that whoever rewrites the database cannot rewind it
/// too. Several databases may share a file: each line names its database.
class AuditCheckpointFile
{
public:
    AuditCheckpointFile(std::string path, std::string database, const AuditKey &key, bool syslog);

    /// Appends `checkpoint` and syncs the file (and sends the line to syslog when asked).
    void append(const AuditCheckpoint &checkpoint) const;

    struct Line
    {
        AuditCheckpoint checkpoint;
        bool signatureValid = false; ///< false: the line was changed, or signed with another key
    };
    /// Every line for this database, oldest first; none when there is no file.
    std::vector<Line> read() const;

    const std::string &path() const { return m_path; }

private:
    std::string signedText(const AuditCheckpoint &checkpoint) const;

    std::string m_path;
    std::string m_database;
    const AuditKey &m_key;
    bool m_syslog;
};

} // namespace onewindow::server
