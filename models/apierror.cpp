#include "apierror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace onewindow::models {

ApiError ApiError::fromProblem(int status, const QJsonObject &problem)
{
    ApiError error;
    error.kind = Kind::Http;
    error.status = status;
    error.code = problem.value(QLatin1String("code")).toString();
    error.title = problem.value(QLatin1String("title")).toString();
    error.detail = problem.value(QLatin1String("detail")).toString();
    error.reason = problem.value(QLatin1String("reason")).toString();
    for (const auto &e : problem.value(QLatin1String("errors")).toArray()) {
        const QJsonObject o = e.toObject();
        error.fieldErrors.append({o.value(QLatin1String("field")).toString(),
                                  o.value(QLatin1String("message")).toString(),
                                  o.value(QLatin1String("code")).toString()});
    }
    for (const auto &m : problem.value(QLatin1String("missing")).toArray()) {
        const QJsonObject o = m.toObject();
        error.missing.append({o.value(QLatin1String("code")).toString(), o.value(QLatin1String("name")).toString(),
                              o.value(QLatin1String("reason")).toString()});
    }
    return error;
}

QString ApiError::userMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Network:
        return tr("The server cannot be reached. Check the network and the server address.");
    case Kind::Timeout:
        return tr("The server did not answer in time. Try again.");
    case Kind::Tls:
        if (code == QLatin1String("insecure_transport"))
            return tr("The server's address begins with http://: passwords and citizens' data would cross the network "
                      "unencrypted. Use its https:// address (ask IT).");
        return tr("The server's certificate could not be verified. Ask IT to check the certificate.");
    case Kind::InvalidReply:
        return tr("The server gave an answer this program does not understand.");
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::OfflineRefused:
        if (code == QLatin1String("offline_expired"))
            return tr("The server cannot be reached, and you last signed in with it more than %1 days ago: "
                      "connect to the server to sign in.").arg(detail);
        if (code == QLatin1String("offline_no_number"))
            return tr("No reserved case number is left on this PC: connect to the server to take in more cases "
                      "without the network.");
        if (code == QLatin1String("offline_wrong_password"))
            return tr("The server cannot be reached, and the password does not match the one you last signed in "
                      "with on this PC.");
        return tr("The server cannot be reached, and you have not signed in on this PC before: connect to the "
                  "server to sign in.");
    case Kind::Http:
        break;
    }
    if (code == QLatin1String("unauthorized"))
        return status == 401 && detail.contains(QLatin1String("inactivity"))
                   ? tr("You were signed out after a period of inactivity. Sign in again.")
                   : tr("Wrong username or password, or the session has ended.");
    if (code == QLatin1String("account_locked"))
        return tr("Too many failed sign-ins: the account is locked for a while. Try again later.");
    if (code == QLatin1String("too_many_attempts")) {
        if (retryAfterSeconds >= 120)
            return tr("Too many failed sign-ins from this computer. Wait %n minute(s) before trying again.", nullptr,
                      (retryAfterSeconds + 59) / 60);
        if (retryAfterSeconds > 0)
            return tr("Too many failed sign-ins from this computer. Wait %n second(s) before trying again.", nullptr,
                      retryAfterSeconds);
        return tr("Too many failed sign-ins from this computer. Wait a while before trying again.");
    }
    if (code == QLatin1String("sign_in_busy"))
        return tr("The server is checking too many sign-ins right now. Try again in a few seconds.");
    if (code == QLatin1String("username_invalid"))
        return tr("No such username: a username has at most 64 characters.");
    if (code == QLatin1String("not_found"))
        return tr("Not found, or not yours to see.");
    if (code == QLatin1String("validation_failed"))
        return tr("Some entries need attention.");
    if (code == QLatin1String("materials_incomplete"))
        return tr("Materials are missing or cannot be accepted.");
    if (code == QLatin1String("precondition_failed"))
        return tr("Someone changed this meanwhile. Reload it and try again.");
    if (code == QLatin1String("idempotency_key_reused"))
        return tr("This submission was already used for a different application.");
    if (code == QLatin1String("transition_refused")) {
        if (reason == QLatin1String("deficiency_outstanding"))
            return tr("Not while a deficient material is outstanding: the applicant must supply it first.");
        if (reason == QLatin1String("part_decided"))
            return tr("This part of the case is decided already.");
        if (reason == QLatin1String("not_approved"))
            return tr("Only an approved case can be handed over.");
        return tr("This cannot be done in the case's current state.");
    }
    if (code == QLatin1String("payload_too_large"))
        return tr("What you sent is too large.");
    if (code == QLatin1String("commitment_broken"))
        return tr("This applicant broke an earlier commitment to supply materials: nothing can be accepted "
                  "with deficiency until a supervisor clears it. Accept with every material, or give a "
                  "one-time notice.");
    if (code == QLatin1String("digest_mismatch") || code == QLatin1String("body_incomplete"))
        return tr("The file was damaged or cut on the way; the server stored nothing. Send it again.");
    if (code == QLatin1String("case_final"))
        return tr("The case is finished and takes no more files.");
    if (code == QLatin1String("case_attachments_full"))
        return tr("This case already holds as many files as one case may; nothing was stored. Ask the "
                  "administrator if it needs more room.");
    if (code == QLatin1String("unsupported_media_type"))
        return tr("Only PDF, JPEG and PNG files can be attached.");
    if (code == QLatin1String("already_rated"))
        return tr("This service was rated already.");
    if (code == QLatin1String("follow_up_closed"))
        return tr("This follow-up is closed already.");
    if (code == QLatin1String("password_change_required"))
        return tr("Change your password first.");
    if (code == QLatin1String("user_exists"))
        return tr("A user with this username exists already.");
    if (code == QLatin1String("own_account"))
        return tr("Your own account is changed by another security administrator.");
    if (code == QLatin1String("already_in_transfer"))
        return tr("One of the chosen cases is already on its way to the hall in another batch.");
    if (code == QLatin1String("transfer_arrived"))
        return tr("This batch was checked in already.");
    if (code == QLatin1String("call_back_missing"))
        return tr("Write down the call back to the citizen before closing the follow-up.");
    if (code == QLatin1String("too_many_uploads"))
        return tr("You are sending other files already; this one follows when one of them has arrived.");
    if (code == QLatin1String("database_unavailable"))
        return tr("The server cannot reach its database just now; nothing was changed. Try again in a moment, "
                  "and tell IT if it goes on.");
    if (code == QLatin1String("overloaded"))
        return tr("The server is too busy right now; nothing was changed. Try again in a moment.");
    if (status >= 500)
        return tr("The server had a problem; nothing was changed. Reference: %1").arg(requestId);
    return tr("The server refused the request (%1).").arg(status);
}

bool ApiError::isRetryable() const
{
    switch (kind) {
    case Kind::None:
    case Kind::OfflineRefused:
        return false;
    case Kind::Http:
        // Not about the request: the session (ended, or its password to change first), the load.
        return status == 401 || status == 408 || status == 429 || status >= 500
               || code == QLatin1String("password_change_required");
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Tls:
    case Kind::InvalidReply:
    case Kind::Cancelled:
        return true;
    }
    return true;
}

QString ApiError::fieldMessage(const FieldError &error)
{
    if (error.code == QLatin1String("required"))
        return tr("Required.");
    if (error.code == QLatin1String("check_character"))
        return tr("The check character does not match: a digit was probably mistyped.");
    if (error.code == QLatin1String("birth_date"))
        return tr("The birth date in this number is not a real date.");
    if (error.code == QLatin1String("length"))
        return tr("Wrong length.");
    if (error.code == QLatin1String("characters"))
        return tr("Contains characters that are not allowed.");
    if (error.code == QLatin1String("not_your_center"))
        return tr("You can accept cases only for your own centre.");
    if (error.code == QLatin1String("e_license_not_held"))
        return tr("The applicant holds no electronic licence for this material.");
    if (error.code == QLatin1String("unknown"))
        return tr("Unknown.");
    if (error.code == QLatin1String("not_in_case"))
        return tr("The attachment belongs to another case.");
    if (error.code == QLatin1String("not_the_applicant"))
        return tr("Not the applicant's ID number: someone else collects as an agent, with the applicant's "
                  "written authorisation.");
    if (error.code == QLatin1String("organization_needs_agent"))
        return tr("The applicant is an organisation: its result goes to an agent with its authorisation.");
    if (error.code == QLatin1String("authorization_required"))
        return tr("An agent collects with the applicant's written authorisation: scan it first.");
    if (error.code == QLatin1String("signature_required"))
        return tr("The recipient signs for the result: on the customer screen, or scan the signed receipt.");
    if (error.code == QLatin1String("rating_token_required") || error.code == QLatin1String("rating_token_invalid"))
        return tr("The rating must come from the customer screen: ask the citizen to rate again there.");
    if (error.code == QLatin1String("too_long"))
        return tr("Too long.");
    if (error.code == QLatin1String("too_short")) {
        // The server says the minimum in its message ("At least 10 characters.").
        const QRegularExpressionMatch minimum = QRegularExpression(QStringLiteral("\\d+")).match(error.message);
        return minimum.hasMatch() ? tr("Too short: at least %1 characters.").arg(minimum.captured()) : tr("Too short.");
    }
    if (error.code == QLatin1String("too_simple"))
        return tr("Use at least three of: small letters, capital letters, digits, other signs.");
    if (error.code == QLatin1String("contains_username"))
        return tr("The password must not contain the username.");
    if (error.code == QLatin1String("reused"))
        return tr("This password was used recently: choose another.");
    if (error.code == QLatin1String("wrong_password"))
        return tr("This is not your current password.");
    return tr("Not valid.");
}

QString ApiError::missingReason(const QString &reason)
{
    if (reason == QLatin1String("core_missing"))
        return tr("core material missing");
    if (reason == QLatin1String("required_missing"))
        return tr("required material missing");
    if (reason == QLatin1String("deficiency_not_allowed"))
        return tr("may not be supplied later for this matter");
    if (reason == QLatin1String("applicant_broke_commitment"))
        return tr("not accepted as deficient: the applicant broke an earlier commitment");
    if (reason == QLatin1String("due_date_too_late"))
        return tr("the promised date is later than the rules allow");
    if (reason == QLatin1String("unknown_material"))
        return tr("not a material of this matter");
    return reason;
}

} // namespace onewindow::models
