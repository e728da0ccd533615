// Domain core benchmarks. Each is compared with BM_Reference, measured in the same run, so that
// the ratios stay meaningful on a shared, noisy machine (see bench/README.md).
#include "domain/creditcode.h"
#include "domain/idnumber.h"
#include "domain/workcalendar.h"

#include <benchmark/benchmark.h>

#include <numeric>
#include <string>
#include <vector>

using namespace onewindow;

namespace {

WorkCalendar calendar2026()
{
    WorkCalendar c;
    const char *holidays[] = {"2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17",
                              "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
                              "2026-04-04", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-02", "2026-05-03",
                              "2026-05-04", "2026-05-05", "2026-06-19", "2026-06-20", "2026-06-21", "2026-09-25",
                              "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04",
                              "2026-10-05", "2026-10-06", "2026-10-07"};
    for (const char *h : holidays)
        c.addHoliday(*parseIsoDate(h), "holiday");
    for (const char *a : {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
        c.addAdjustedWorkingDay(*parseIsoDate(a));
    return c;
}

// The reference: summing a fixed vector of 1000 integers, a workload that does not change with
// the project's code.
void BM_Reference(benchmark::State &state)
{
    std::vector<int> values(1000);
    std::iota(values.begin(), values.end(), 1);
    for (auto _ : state) {
        benchmark::DoNotOptimize(values.data());
        benchmark::DoNotOptimize(std::accumulate(values.begin(), values.end(), 0L));
    }
}
BENCHMARK(BM_Reference);

void BM_IdNumberCheck(benchmark::State &state)
{
    const std::string id = "11010519491231002X";
    for (auto _ : state)
        benchmark::DoNotOptimize(IdNumber::check(id));
}
BENCHMARK(BM_IdNumberCheck);

void BM_CreditCodeCheck(benchmark::State &state)
{
    const std::string code = "91512081MA62K0260E";
    for (auto _ : state)
        benchmark::DoNotOptimize(CreditCode::check(code));
}
BENCHMARK(BM_CreditCodeCheck);

// A legal limit of 20 working days across the Spring Festival.
void BM_AddWorkingDays20(benchmark::State &state)
{
    const WorkCalendar calendar = calendar2026();
    const Date from = *parseIsoDate("2026-02-02");
    for (auto _ : state)
        benchmark::DoNotOptimize(calendar.addWorkingDays(from, 20));
}
BENCHMARK(BM_AddWorkingDays20);

// A supervisor's report counts working days over a whole year.
void BM_WorkingDaysInAYear(benchmark::State &state)
{
    const WorkCalendar calendar = calendar2026();
    const Date from = *parseIsoDate("2025-12-31");
    const Date to = *parseIsoDate("2026-12-31");
    for (auto _ : state)
        benchmark::DoNotOptimize(calendar.workingDaysBetween(from, to));
}
BENCHMARK(BM_WorkingDaysInAYear);

} // namespace

BENCHMARK_MAIN();
