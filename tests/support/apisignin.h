#pragma once

#include "models/apiclient.h"

#include <QTest>

#include <optional>

/// Signs `api` in as the demo user `username` and waits for the server's answer: the user signed
/// in, or nothing (refused, or no answer within `timeoutMs`). Header-only: the test links models.
inline std::optional<onewindow::models::UserInfo> signInAndWait(onewindow::models::ApiClient &api,
                                                                 const QString &username, int timeoutMs = 30000)
{
    bool answered = false;
    std::optional<onewindow::models::UserInfo> user;
    api.signIn(username, QStringLiteral("OneWindow-demo-1"),
               [&](const onewindow::models::ApiResult<onewindow::models::UserInfo> &r) {
                   user = r.value;
                   answered = true;
               });
    if (!QTest::qWaitFor([&] { return answered; }, timeoutMs))
        return std::nullopt;
    return user;
}
