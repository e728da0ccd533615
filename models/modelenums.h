#pragma once

#include <Qt>

// Columns and roles of the client's item models, in one place.
namespace onewindow::models {

namespace MatterColumn {
enum Column { Code, Name, Department, PromisedDays, LastColumn = PromisedDays };
}

enum class MatterRole {
    Code = Qt::UserRole + 1,
    Name,
    Department,
    Initials,
    PromisedDays,
    LegalDays,
    Summary, ///< the whole JSON summary
};

namespace CaseColumn {
enum Column { Number, Status, Matters, Applicant, Center, AcceptedAt, PromisedDueDate, Outstanding,
              LastColumn = Outstanding };
}

enum class CaseRole {
    Id = Qt::UserRole + 1,
    Number,
    Status,
    Summary,
};

namespace ReviewColumn {
enum Column { Number, Priority, Status, Matters, Applicant, Center, PromisedDueDate, TimeLeft, LastColumn = TimeLeft };
}

enum class ReviewRole {
    Id = Qt::UserRole + 1,
    Status,
    GreenChannel,
    PromisedDueDate,
    DaysLeft, ///< calendar days to the promised date (a green-channel case: its internal one) from the server's today; negative when late
    Summary,
};

namespace DeficiencyColumn {
enum Column { CaseNumber, Material, DueDate, Status, Applicant, Phone, Center, Matters, LastColumn = Matters };
}

enum class DeficiencyRole {
    Id = Qt::UserRole + 1,
    CaseId,
    Status,
    DueDate,
    OverdueDays,
    Item,
};

namespace FollowUpColumn {
enum Column { CaseNumber, Rating, Comment, State, DueDate, Applicant, Matters, LastColumn = Matters };
}

enum class FollowUpRole {
    Id = Qt::UserRole + 1,
    CaseId,
    State, ///< open, overdue, closed
    Item,  ///< the whole follow-up as the server answered it
};

/// Batches of paper materials from a village centre to its hall (TransferListModel).
namespace TransferColumn {
enum Column { Code, Route, SentBy, SentAt, Cases, State, LastColumn = State };
}

enum class TransferRole {
    Id = Qt::UserRole + 1,
    State, ///< in_transit, arrived
    Item,  ///< the whole batch as the server answered it
};

/// The items of one batch, as the hall checks them in (TransferItemModel).
namespace TransferItemColumn {
enum Column { CaseNumber, Applicant, Material, Received, Note, LastColumn = Note };
}

/// One department's cases accepted on the server's today (TodayCasesModel), for the departments'
/// workbench pages.
namespace TodayCaseColumn {
enum Column { Number, Matters, Applicant, Identifier, Status, AcceptedAt, PromisedDueDate, LastColumn = PromisedDueDate };
}

enum class TodayCaseRole {
    CaseId = Qt::UserRole + 1,
    Number,
    Matters,       ///< QStringList of matter codes
    Applicant,     ///< the applicant's name: the enterprise, or the person
    ApplicantKind, ///< "organization" or "person"
    Identifier,    ///< an organisation's credit code, a person's masked ID number
    Status,        ///< the API's status code, e.g. "accepted"
    AcceptedAt,    ///< QDateTime
    PromisedDueDate,
};

/// A hall's figures over a period, one a row (StatsFigureModel).
namespace StatsFigureColumn {
enum Column { Figure, Value, LastColumn = Value };
}

enum class StatsFigureRole {
    Key = Qt::UserRole + 1, ///< the figure's name in the API, e.g. "cases.accepted"
    Number,                 ///< its value as a number (double), or an invalid QVariant when there is none
    CasesFigure,            ///< the figure whose cases it opens (GET /cases?figure=): a rate, the cases it measures
};

/// The summary's weeks (WeeklyTrendModel).
namespace WeekColumn {
enum Column { Week, Accepted, Decided, OnTime, Satisfied, LastColumn = Satisfied };
}

enum class WeekRole {
    From = Qt::UserRole + 1, ///< the week's first day (QDate)
    To,                      ///< its last day (QDate)
    Accepted,                ///< cases accepted (int)
    OnTimeRate,              ///< decided by the promised date, a fraction, or invalid with nothing decided
    SatisfactionRate,        ///< a fraction, or invalid with nothing rated
};

/// Each centre's cases accepted beside the same days a year before (CenterVolumeModel).
namespace CenterVolumeColumn {
enum Column { Center, Accepted, LastYear, Change, LastColumn = Change };
}

enum class CenterVolumeRole {
    Code = Qt::UserRole + 1,
    Accepted,
    LastYear,
    Change, ///< a fraction (0.5 = +50%), or an invalid QVariant when there were none a year before
};

} // namespace onewindow::models
