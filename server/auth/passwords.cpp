#include "auth/passwords.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>

#include <sstream>
#include <stdexcept>
#include <vector>

namespace onewindow::server {

namespace {

std::string base64(const unsigned char *data, std::size_t size, bool url)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, url ? (Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING) : 0);
    encoder.rdbuf()->setLineLength(0);
    encoder.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
    encoder.close();
    return out.str();
}

std::vector<unsigned char> unbase64(const std::string &text)
{
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::vector<unsigned char> out;
    char c;
    while (decoder.get(c))
        out.push_back(static_cast<unsigned char>(c));
    return out;
}

std::vector<unsigned char> derive(const std::string &password, const std::vector<unsigned char> &salt, int iterations)
{
    std::vector<unsigned char> out(32);
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(), static_cast<int>(out.size()),
                          out.data())
        != 1)
        throw std::runtime_error("PBKDF2 failed");
    return out;
}

std::vector<std::string> splitDollar(const std::string &s)
{
    std::vector<std::string> parts;
    std::string current;
    for (char c : s) {
        if (c == '$') {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    return parts;
}

} // namespace

std::string PasswordHasher::hash(const std::string &password, int iterations)
{
    std::vector<unsigned char> salt(16);
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        throw std::runtime_error("no random bytes");
    const auto derived = derive(password, salt, iterations);
    return "pbkdf2-sha256$" + std::to_string(iterations) + '$' + base64(salt.data(), salt.size(), false) + '$'
           + base64(derived.data(), derived.size(), false);
}

bool PasswordHasher::verify(const std::string &password, const std::string &stored)
{
    const auto parts = splitDollar(stored);
    if (parts.size() != 4 || parts[0] != "pbkdf2-sha256")
        return false;
    int iterations = 0;
    try {
        iterations = std::stoi(parts[1]);
    } catch (...) {
        return false;
    }
    if (iterations < 1000 || iterations > 10000000)
        return false;
    const auto salt = unbase64(parts[2]);
    const auto expected = unbase64(parts[3]);
    if (salt.empty() || expected.size() != 32)
        return false;
    const auto derived = derive(password, salt, iterations);
    return CRYPTO_memcmp(derived.data(), expected.data(), expected.size()) == 0;
}

std::string randomToken(std::size_t bytes)
{
    std::vector<unsigned char> data(bytes);
    if (RAND_bytes(data.data(), static_cast<int>(data.size())) != 1)
        throw std::runtime_error("no random bytes");
    return base64(data.data(), data.size(), true);
}

std::string oneTimePassword(std::size_t length)
{
    static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    constexpr unsigned kSize = sizeof kAlphabet - 1;
    // Bytes at or above the largest multiple of the alphabet's size are dropped, so that every
    // character is equally likely.
    constexpr unsigned kLimit = 256 / kSize * kSize;
    std::string out;
    unsigned char random[64];
    while (out.size() < length) {
        if (RAND_bytes(random, sizeof random) != 1)
            throw std::runtime_error("no random bytes");
        for (unsigned char byte : random) {
            if (byte < kLimit && out.size() < length)
                out += kAlphabet[byte % kSize];
        }
    }
    return out;
}

std::string sha256Hex(const std::string &data)
{
    // Fetched once: SHA256() looks the algorithm up again on every call, and a request hashes
    // its token and its body.
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    if (!sha256 || !EVP_Digest(data.data(), data.size(), digest, nullptr, sha256, nullptr))
        throw std::runtime_error("SHA-256 is not available");
    static const char *hex = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (unsigned char byte : digest) {
        out += hex[byte >> 4];
        out += hex[byte & 0xf];
    }
    return out;
}

} // namespace onewindow::server
