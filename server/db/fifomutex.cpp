#include "db/fifomutex.h"

namespace onewindow::server {

void FifoMutex::lock()
{
    std::unique_lock lock(m_mutex);
    if (!m_held && m_waiting.empty()) {
        m_held = true;
        return;
    }
    Waiter me;
    m_waiting.push_back(&me);
    me.turn.wait(lock, [&me] { return me.handedOver; }); // handed over by unlock(), still held
}

void FifoMutex::unlock()
{
    std::lock_guard lock(m_mutex);
    if (m_waiting.empty()) {
        m_held = false;
        return;
    }
    Waiter *next = m_waiting.front();
    m_waiting.pop_front();
    next->handedOver = true;
    // Under the mutex: `next` lives on its thread's stack until that thread gets the mutex back.
    next->turn.notify_one();
}

std::size_t FifoMutex::waiting()
{
    std::lock_guard lock(m_mutex);
    return m_waiting.size();
}

} // namespace onewindow::server
