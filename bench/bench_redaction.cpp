// What redacting a log line costs when a client chose its text: 1 MiB lines built to make
// redaction slow (a key every few characters, ID numbers back to back, keys with no value),
// each against a 1 MiB line of plain text redacted in the same run. The ratio is what counts
// (machines here are shared); a ratio near 1 means the cost does not depend on what the line
// holds. Also: escaped() on a 1 MiB line, which keeps 200 characters of it.
//
//   bench_redaction [runs]   (default 15; prints the median of each and its ratio)
#include "logging/logging.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

namespace {

constexpr std::size_t kLine = 1 << 20;

std::string repeated(const std::string &piece)
{
    std::string out;
    out.reserve(kLine + piece.size());
    while (out.size() < kLine)
        out += piece;
    out.resize(kLine);
    return out;
}

double medianMillis(int runs, const std::function<std::size_t()> &work)
{
    std::vector<double> times;
    std::size_t sink = 0;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        sink += work();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    if (sink == 0)
        std::puts("");
    return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
    const std::string plain = repeated("the quick brown fox jumps over the lazy dog ");
    const double reference =
        medianMillis(runs, [&] { return onewindow::logging::redact(plain).size(); });
    std::printf("%-34s %10s %8s\n", "1 MiB line", "median ms", "ratio");
    std::printf("%-34s %10.2f %8.2f\n", "plain text (reference)", reference, 1.0);
    const std::vector<std::pair<const char *, std::string>> lines{
        {"token:a, (a key every 8 bytes)", repeated("token:a,")},
        {"password=password=... (no end)", repeated("password=")},
        {"tokentoken... (keys, no value)", repeated("token")},
        {"\"password\":\" (quote never closed)", "{\"password\":\"" + repeated("a\\\"")},
        {"bearer bearer ...", repeated("Bearer ")},
        {"ID numbers back to back", repeated("11010519491231002X ")},
        {"digits only", repeated("1234567890")},
    };
    double worst = 0;
    for (const auto &[name, line] : lines) {
        const double ms = medianMillis(runs, [&] { return onewindow::logging::redact(line).size(); });
        worst = std::max(worst, ms / reference);
        std::printf("%-34s %10.2f %8.2f\n", name, ms, ms / reference);
    }
    const std::string newlines(kLine, '\n');
    const double escaped = medianMillis(runs, [&] { return onewindow::logging::escaped(newlines).size(); });
    std::printf("%-34s %10.4f %8.4f\n", "escaped(), 1 MiB of newlines", escaped, escaped / reference);
    std::printf("worst ratio %.2f\n", worst);
    return 0;
}
