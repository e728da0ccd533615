#pragma once

#include <QTest>

#include <optional>
#include <utility>

/// Runs `start(done)`, an asynchronous call that answers through `done(value)`, and waits for
/// the answer on the event loop. Header-only.
template<typename T, typename Start>
T awaitAnswer(Start start, int timeoutMs = 30000)
{
    std::optional<T> result;
    start([&](T value) { result = std::move(value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        qFatal("no answer within %d ms", timeoutMs);
    return *result;
}
