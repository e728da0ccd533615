#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace onewindow::server {

/// A mutex that goes to its waiters in the order they came: on unlock it is handed to the one
/// that has waited longest. std::mutex lets a thread that just unlocked take it again at once,
/// which serves more writers per second but lets a few wait very long (hundreds of milliseconds
/// for SQLite writers at 64 concurrent intakes, against tens in turn).
class FifoMutex
{
public:
    void lock();
    void unlock();
    /// Threads waiting for it now (for tests).
    std::size_t waiting();

private:
    struct Waiter
    {
        std::condition_variable turn;
        bool handedOver = false;
    };
    std::mutex m_mutex;
    bool m_held = false;
    std::deque<Waiter *> m_waiting;
};

} // namespace onewindow::server
