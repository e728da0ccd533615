#include "audit/auditkey.h"

#include "auth/passwords.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace onewindow::server {

namespace {

constexpr std::size_t kMinimumLength = 32;

std::string hex(const unsigned char *data, std::size_t size)
{
    static const char *digits = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0x0f];
    }
    return out;
}

std::string trimmed(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

} // namespace

AuditKey::AuditKey(std::string secret) : m_secret(std::move(secret))
{
    if (m_secret.size() < kMinimumLength)
        throw std::runtime_error("the audit key is shorter than 32 bytes");
    m_id = sha256Hex("onewindow audit key id\n" + m_secret).substr(0, 16);
}

AuditKey AuditKey::load(const std::string &path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        throw std::runtime_error("cannot read the audit key file " + path + ": " + std::strerror(errno));
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        throw std::runtime_error("the audit key file " + path
                                 + " is open to other users: make it readable by the server's user only "
                                   "(chmod 600)");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read the audit key file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string secret = trimmed(text.str());
    if (secret.size() < kMinimumLength)
        throw std::runtime_error("the audit key file " + path + " holds fewer than 32 bytes");
    return AuditKey(secret);
}

AuditKey AuditKey::loadOrCreate(const std::string &path, bool &created)
{
    created = false;
    unsigned char random[32];
    if (RAND_bytes(random, sizeof random) != 1)
        throw std::runtime_error("no random bytes");
    // O_EXCL: of two servers starting at once, one creates the file and both read it.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd >= 0) {
        const std::string line = hex(random, sizeof random) + "\n";
        const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size())
                             && ::fsync(fd) == 0;
        ::close(fd);
        if (!written) {
            ::unlink(path.c_str());
            throw std::runtime_error("cannot write the audit key file " + path);
        }
        created = true;
    } else if (errno != EEXIST) {
        throw std::runtime_error("cannot create the audit key file " + path + ": " + std::strerror(errno));
    }
    return load(path);
}

std::string AuditKey::mac(const std::string &data) const
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!HMAC(EVP_sha256(), m_secret.data(), static_cast<int>(m_secret.size()),
              reinterpret_cast<const unsigned char *>(data.data()), data.size(), digest, &size))
        throw std::runtime_error("HMAC-SHA256 is not available");
    return hex(digest, size);
}

bool sameDigest(const std::string &a, const std::string &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace onewindow::server
