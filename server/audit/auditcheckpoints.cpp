#include "audit/auditcheckpoints.h"

#include "audit/auditkey.h"
#include "json.h"

#include <Poco/JSON/Parser.h>

#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <syslog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace onewindow::server {

AuditCheckpointFile::AuditCheckpointFile(std::string path, std::string database, const AuditKey &key, bool syslog)
    : m_path(std::move(path)), m_database(std::move(database)), m_key(key), m_syslog(syslog)
{
}

std::string AuditCheckpointFile::signedText(const AuditCheckpoint &c) const
{
    // Length-prefixed, so that no two different checkpoints sign the same text.
    std::string data = "onewindow audit checkpoint 1\n";
    for (const std::string &part :
         {m_database, c.at, std::to_string(c.seq), c.head, std::to_string(c.chainEntries), std::to_string(c.cases),
          std::to_string(c.upTo), std::to_string(c.entries)}) {
        data += std::to_string(part.size());
        data += ':';
        data += part;
    }
    return data;
}

void AuditCheckpointFile::append(const AuditCheckpoint &c) const
{
    auto o = newObject();
    o->set("database", m_database);
    o->set("at", c.at);
    o->set("seq", c.seq);
    o->set("head", c.head);
    o->set("chainEntries", c.chainEntries);
    o->set("cases", c.cases);
    o->set("upTo", c.upTo);
    o->set("entries", c.entries);
    o->set("key", m_key.id());
    o->set("mac", m_key.mac(signedText(c)));
    const std::string line = toJson(o) + "\n";
    const int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot open the audit checkpoint file " + m_path + ": " + std::strerror(errno));
    const bool written =
        ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written)
        throw std::runtime_error("cannot write the audit checkpoint file " + m_path);
    if (m_syslog)
        ::syslog(LOG_AUTHPRIV | LOG_NOTICE, "onewindow audit checkpoint %s", line.substr(0, line.size() - 1).c_str());
}

std::vector<AuditCheckpointFile::Line> AuditCheckpointFile::read() const
{
    std::vector<Line> found;
    std::ifstream in(m_path);
    if (!in)
        return found;
    std::string line;
    while (std::getline(in, line)) {
        Poco::JSON::Object::Ptr o;
        try {
            o = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>();
        } catch (const Poco::Exception &) {
            // A line cut short (the machine stopped while it was written) or not ours.
            continue;
        }
        if (!o || o->optValue<std::string>("database", "") != m_database)
            continue;
        Line l;
        AuditCheckpoint &c = l.checkpoint;
        try {
            c.at = o->getValue<std::string>("at");
            c.seq = o->getValue<Poco::Int64>("seq");
            c.head = o->getValue<std::string>("head");
            c.chainEntries = o->getValue<Poco::Int64>("chainEntries");
            c.cases = o->getValue<Poco::Int64>("cases");
            c.upTo = o->getValue<Poco::Int64>("upTo");
            c.entries = o->getValue<Poco::Int64>("entries");
            l.signatureValid = o->optValue<std::string>("key", "") == m_key.id()
                               && sameDigest(o->optValue<std::string>("mac", ""), m_key.mac(signedText(c)));
        } catch (const Poco::Exception &) {
            l.signatureValid = false;
        }
        found.push_back(l);
    }
    return found;
}

} // namespace onewindow::server
