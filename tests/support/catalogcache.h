#pragma once

#include "models/apiclient.h"
#include "models/catalogsync.h"
#include "models/localstore.h"

#include <QSignalSpy>
#include <QTest>

/// Opens the client's local store in `file` and fills it from the server `api` is signed in to
/// (matters, bundles, calendar), as the client does after sign-in. True when both worked.
/// Header-only: the test links models.
inline bool openCatalogCache(onewindow::models::ApiClient &api, onewindow::models::LocalStore &store,
                             const QString &file)
{
    bool opened = false;
    QString error;
    store.open(file, nullptr, [&](const QString &e) {
        error = e;
        opened = true;
    });
    if (!QTest::qWaitFor([&] { return opened; }, 10000) || !error.isEmpty())
        return false;
    onewindow::models::CatalogSync sync(&api, &store);
    QSignalSpy synced(&sync, &onewindow::models::CatalogSync::finished);
    sync.refresh();
    return synced.wait(60000) && synced.at(0).at(0).toBool();
}
