#pragma once

#include <string>

namespace onewindow::server {

class Transaction;

/// The departments' queues, kept beside the cases: one row for each case and department with a
/// part still to decide while the case can be decided (accepted, accepted with deficiency, under
/// review), with the case's green channel and promised date. An approver's queue is then one
/// range of its index in priority order, at any depth and table size, whatever the rest of the
/// table holds (table case_queue, migration 8).
class CaseQueue
{
public:
    /// Writes the case's rows again from its parts and state, in the caller's transaction. Every
    /// change of a state (CaseTransitions), of a part (decisions, resubmission) and of the
    /// promised date (the clock) calls it; a new case's intake does too.
    static void sync(Transaction &tx, const std::string &caseId);
    /// Every case's rows again (cases written outside the service, e.g. by a benchmark's fill).
    static void rebuild(Transaction &tx);
};

} // namespace onewindow::server
