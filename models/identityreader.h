#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>

class QLibrary;

namespace onewindow::models {

/// What a second-generation resident identity card holds.
struct IdentityCard
{
    QString name;
    QString sex;
    QString nation;
    QString birthDate; ///< YYYY-MM-DD
    QString address;
    QString idNumber;
    QString issuer;
    QString validFrom;
    QString validTo;
    QByteArray photo; ///< as the reader gives it (BMP), may be empty

    QJsonObject toJson() const;
    static IdentityCard fromJson(const QJsonObject &o);
};

/// An ID-card reader at the counter. read() answers with cardRead() or failed(), never blocking.
class IdentityReader : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~IdentityReader() override = default;
    /// Whether the reader can be used at all (its library is installed, its file exists).
    virtual bool isAvailable() const = 0;
    virtual QString description() const = 0;
    virtual void read() = 0;

signals:
    void cardRead(const onewindow::models::IdentityCard &card);
    void failed(const QString &message);
};

/// A reader for demos and tests: the card is a JSON file (the fields of IdentityCard).
class SimulatedIdentityReader final : public IdentityReader
{
    Q_OBJECT

public:
    explicit SimulatedIdentityReader(QString cardFile, QObject *parent = nullptr);
    bool isAvailable() const override;
    QString description() const override;
    void read() override;

private:
    QString m_file;
};

/// The common `termb` reader library (CVR_InitComm, CVR_Authenticate, CVR_Read_Content, getters),
/// loaded at run time when it is installed; the card must be lifted off before the next read.
class TermbIdentityReader final : public IdentityReader
{
    Q_OBJECT

public:
    explicit TermbIdentityReader(QString libraryName = QStringLiteral("termb"), int port = 1001,
                                 QObject *parent = nullptr);
    ~TermbIdentityReader() override;
    bool isAvailable() const override;
    QString description() const override;
    void read() override;
    QString loadError() const { return m_loadError; }

private:
    std::unique_ptr<QLibrary> m_library;
    int m_port;
    QString m_loadError;
};

} // namespace onewindow::models

Q_DECLARE_METATYPE(onewindow::models::IdentityCard)
