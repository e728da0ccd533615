#pragma once

#include <QCoreApplication>

namespace onewindow::housingfund {

/// The plugin's one translation context, "HousingFund", for every string it shows.
struct Tr { Q_DECLARE_TR_FUNCTIONS(HousingFund) };

} // namespace onewindow::housingfund
