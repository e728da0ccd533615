#pragma once

#include "db/database.h"
#include "domain/date.h"
#include "http/message.h"

#include <string>
#include <vector>

namespace onewindow::server {

class AuditTrail;
struct IntakePlan;

/// A new case as it will be written, prepared from its plan before the write transaction: its
/// row, deficiencies and clock pause, and the answer built from them rather than read back. The
/// write transaction then holds the inserts and little else (on SQLite, the write lock).
class NewCase
{
public:
    /// `number` is empty on SQLite, where a case is numbered under the write lock only: the row
    /// and the answer hold a placeholder until setNumber().
    NewCase(const IntakePlan &plan, const std::string &clerk, const Date &today, std::string now, std::string number);

    const std::string &id() const { return m_id; }
    const std::string &number() const { return m_number; }
    /// Fills in the number given in the write transaction.
    void setNumber(const std::string &number);
    /// 201 with the case as written, its Location and ETag.
    const Response &response() const { return m_response; }
    Response takeResponse() { return std::move(m_response); }

    /// Writes the case, its deficiencies, parts, clock pause, first history row and audit entries
    /// in `tx`; nothing is read. Once.
    void insert(Transaction &tx, AuditTrail &audit);

private:
    struct Deficiency
    {
        std::string id, code, name, due, terminatesAfter;
    };
    std::vector<DbValue> rowValues() const;
    Response answer() const;

    const IntakePlan &m_plan;
    std::string m_clerk;
    Date m_today;
    std::string m_now;
    std::string m_number;
    std::string m_id;
    std::vector<Deficiency> m_deficiencies; ///< as a read returns them: by due date, then material
    std::string m_pauseReason;              ///< when the plan pauses the clock
    std::string m_acceptedDetail;           ///< the acceptance's audit entry after the number
    /// The row's values, shared by the answer and the INSERT (which adds updated_at and audit_head).
    std::vector<DbValue> m_values;
    Response m_response;
};

} // namespace onewindow::server
