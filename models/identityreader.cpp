#include "identityreader.h"

#include <QFile>
#include <QJsonDocument>
#include <QLibrary>
#include <QTimer>

namespace onewindow::models {

QJsonObject IdentityCard::toJson() const
{
    return {{QStringLiteral("name"), name},         {QStringLiteral("sex"), sex},
            {QStringLiteral("nation"), nation},     {QStringLiteral("birthDate"), birthDate},
            {QStringLiteral("address"), address},   {QStringLiteral("idNumber"), idNumber},
            {QStringLiteral("issuer"), issuer},     {QStringLiteral("validFrom"), validFrom},
            {QStringLiteral("validTo"), validTo}};
}

IdentityCard IdentityCard::fromJson(const QJsonObject &o)
{
    IdentityCard c;
    c.name = o.value(QLatin1String("name")).toString();
    c.sex = o.value(QLatin1String("sex")).toString();
    c.nation = o.value(QLatin1String("nation")).toString();
    c.birthDate = o.value(QLatin1String("birthDate")).toString();
    c.address = o.value(QLatin1String("address")).toString();
    c.idNumber = o.value(QLatin1String("idNumber")).toString();
    c.issuer = o.value(QLatin1String("issuer")).toString();
    c.validFrom = o.value(QLatin1String("validFrom")).toString();
    c.validTo = o.value(QLatin1String("validTo")).toString();
    return c;
}

SimulatedIdentityReader::SimulatedIdentityReader(QString cardFile, QObject *parent)
    : IdentityReader(parent), m_file(std::move(cardFile))
{
}

bool SimulatedIdentityReader::isAvailable() const
{
    return QFile::exists(m_file);
}

QString SimulatedIdentityReader::description() const
{
    return tr("Simulated ID-card reader (%1)").arg(m_file);
}

void SimulatedIdentityReader::read()
{
    // Answer on the next turn of the event loop, as a real reader would.
    QTimer::singleShot(0, this, [this] {
        QFile file(m_file);
        if (!file.open(QIODevice::ReadOnly)) {
            emit failed(tr("No card on the reader."));
            return;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            emit failed(tr("The card could not be read."));
            return;
        }
        emit cardRead(IdentityCard::fromJson(doc.object()));
    });
}

namespace {
using InitComm = int (*)(int);
using Authenticate = int (*)();
using ReadContent = int (*)(int);
using CloseComm = int (*)();
using GetText = int (*)(char *, int *);
} // namespace

TermbIdentityReader::TermbIdentityReader(QString libraryName, int port, QObject *parent)
    : IdentityReader(parent), m_library(std::make_unique<QLibrary>(libraryName)), m_port(port)
{
    if (!m_library->load())
        m_loadError = m_library->errorString();
}

TermbIdentityReader::~TermbIdentityReader() = default;

bool TermbIdentityReader::isAvailable() const
{
    return m_library->isLoaded() && m_library->resolve("CVR_InitComm") && m_library->resolve("CVR_Read_Content");
}

QString TermbIdentityReader::description() const
{
    return isAvailable() ? tr("ID-card reader (termb), port %1").arg(m_port)
                         : tr("ID-card reader library not installed: %1").arg(m_loadError);
}

void TermbIdentityReader::read()
{
    if (!isAvailable()) {
        QTimer::singleShot(0, this, [this] { emit failed(tr("No ID-card reader is installed.")); });
        return;
    }
    const auto init = reinterpret_cast<InitComm>(m_library->resolve("CVR_InitComm"));
    const auto authenticate = reinterpret_cast<Authenticate>(m_library->resolve("CVR_Authenticate"));
    const auto readContent = reinterpret_cast<ReadContent>(m_library->resolve("CVR_Read_Content"));
    const auto close = reinterpret_cast<CloseComm>(m_library->resolve("CVR_CloseComm"));
    const auto text = [this](const char *getter) {
        const auto get = reinterpret_cast<GetText>(m_library->resolve(getter));
        if (!get)
            return QString();
        char buffer[512] = {};
        int length = static_cast<int>(sizeof buffer) - 1;
        if (get(buffer, &length) != 1)
            return QString();
        // The library answers in GB 18030 on Chinese systems; UTF-8 elsewhere.
        return QString::fromLocal8Bit(buffer, qMax(0, qMin(length, static_cast<int>(sizeof buffer) - 1)));
    };
    if (!init || init(m_port) != 1) {
        emit failed(tr("The ID-card reader does not answer on port %1.").arg(m_port));
        return;
    }
    if (authenticate && authenticate() != 1) {
        if (close)
            close();
        emit failed(tr("No card on the reader, or lift the card and place it again."));
        return;
    }
    if (!readContent || readContent(1) != 1) {
        if (close)
            close();
        emit failed(tr("The card could not be read."));
        return;
    }
    IdentityCard card;
    card.name = text("GetPeopleName");
    card.sex = text("GetPeopleSex");
    card.nation = text("GetPeopleNation");
    card.birthDate = text("GetPeopleBirthday");
    card.address = text("GetPeopleAddress");
    card.idNumber = text("GetPeopleIDCode");
    card.issuer = text("GetDepartment");
    card.validFrom = text("GetStartDate");
    card.validTo = text("GetEndDate");
    if (close)
        close();
    emit cardRead(card);
}

} // namespace onewindow::models
