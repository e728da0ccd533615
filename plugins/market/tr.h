#pragma once

#include <QCoreApplication>

namespace onewindow::market {

/// The plugin's one translation context, "MarketRegulation", for every string it shows.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MarketRegulation)
};

} // namespace onewindow::market
