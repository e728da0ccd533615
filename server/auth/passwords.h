#pragma once

#include <string>

namespace onewindow::server {

/// Password hashing with PBKDF2-HMAC-SHA256 and a random salt. Stored as
/// `pbkdf2-sha256$ITERATIONS$SALT$HASH` (base64), so the cost can be raised later.
class PasswordHasher
{
public:
    static constexpr int kDefaultIterations = 310000;

    static std::string hash(const std::string &password, int iterations = kDefaultIterations);
    /// Constant-time comparison; false for anything malformed.
    static bool verify(const std::string &password, const std::string &stored);
};

/// Random bytes from the operating system's generator, as base64url without padding.
std::string randomToken(std::size_t bytes = 32);
/// A password to hand to a user who changes it at their first sign-in: `length` random small and
/// capital letters and digits, without those read one for another (0 O o 1 I l).
std::string oneTimePassword(std::size_t length);
/// Lower-case hex SHA-256.
std::string sha256Hex(const std::string &data);

} // namespace onewindow::server
