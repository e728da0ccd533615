// The audit trail against whoever can write the database, over real HTTP on SQLite or PostgreSQL
// (ONEWINDOW_TEST_DATABASE): entries signed with a key kept in a file outside the database,
// checkpoints appended to another, each case's creation in the chain outside cases. Each kind of
// tampering is done to a fresh database, as its administrator would (on PostgreSQL with the
// append-only triggers switched off), and verify names what it finds; ordinary activity, a restart
// and intakes running while verify reads stay valid. On PostgreSQL an application role with the
// documented grants cannot change the trail. Dates are pinned with --today.
#include "sampleintake.h"
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <utility>
#include <vector>

namespace {

QString api(const QString &path) { return QStringLiteral("/api/v1") + path; }

const QByteArray kKey = "3f1d0c9a8b7e6d5c4b3a29181706f5e4d3c2b1a09f8e7d6c5b4a392817060504";

/// "len:part" for each part, as the server lays out what an entry's hash covers.
QByteArray fields(const QList<QByteArray> &parts)
{
    QByteArray data;
    for (const QByteArray &part : parts)
        data += QByteArray::number(part.size()) + ':' + part;
    return data;
}

struct Row
{
    qint64 seq = 0;
    QByteArray caseId, at, actor, action, detail, previous, hash, keyId;
};

} // namespace

class tst_AuditTrail : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_keyFile;
    QString m_config;
    TestDatabase m_db;
    QString m_checkpoints;
    ServerProcess m_server;
    std::unique_ptr<SignedInUsers> m_users;
    QStringList m_cases; // accepted, accepted, result ready (several entries)

    HttpClient &as(const QString &username) { return m_users->as(username); }

    bool start(const QStringList &more = {})
    {
        QString error;
        // No background job: nothing is written but what a test does.
        // --demo on every start: the demo users keep their published password.
        const bool started = m_server.start(QStringList{"--database", m_db.url(), "--demo", "--today", "2026-11-27",
                                                        "--audit-key-file", m_keyFile, "--audit-checkpoint-file",
                                                        m_checkpoints, "--config", m_config}
                                                + more,
                                            &error);
        if (!started)
            qWarning("%s", qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
        return started;
    }

    // A new database with ordinary activity, then a restart: the checkpoints written at the
    // stop and at the start hold all of it.
    void freshTrail()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
        QString error;
        m_db = TestDatabase::create(TestDatabase::kindFromEnvironment(), m_dir.path(), &error);
        QVERIFY2(!m_db.url().isEmpty(), qPrintable(error));
        m_checkpoints = m_dir.filePath(QStringLiteral("checkpoints-%1").arg(QRandomGenerator::global()->generate()));
        QVERIFY(start());
        m_cases = {acceptSampleCase(as("clerk1"), "HF-001"), acceptSampleCase(as("clerk2"), "MR-001"),
                   resultReadySampleCase(as("clerk1"), as("approver-hf"))};
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(start());
    }

    QJsonObject verify()
    {
        const ApiReply r = as("auditor").get(api("/audit/verify"));
        if (r.status != 200)
            qFatal("verify: %d %s", r.status, r.body.constData());
        return r.object();
    }

    QJsonArray search(const QString &query)
    {
        return as("auditor").get(api("/audit?limit=200&") + query).object().value("items").toArray();
    }

    /// Runs `sql` as the database's administrator (on PostgreSQL with the triggers off); the
    /// rows it answers, columns joined by the unit separator (0x1f).
    QStringList dba(const QString &sql)
    {
        QStringList rows;
        if (m_db.kind() == TestDatabase::Kind::SQLite) {
            {
                QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "dba");
                db.setDatabaseName(m_db.url().mid(7));
                if (!db.open())
                    qFatal("cannot open %s", qPrintable(m_db.url()));
                QSqlQuery query(db);
                if (!query.exec(sql))
                    qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
                while (query.next()) {
                    QStringList columns;
                    for (int i = 0; i < query.record().count(); ++i)
                        columns << query.value(i).toString();
                    rows << columns.join(QChar(0x1f));
                }
            }
            QSqlDatabase::removeDatabase("dba");
            return rows;
        }
        QProcess psql;
        psql.start("psql", {pgAdmin(), "-q", "-v", "ON_ERROR_STOP=1", "-At", "-F", QString(QChar(0x1f)), "-c",
                            "SET session_replication_role = replica; " + sql});
        if (!psql.waitForFinished(30000) || psql.exitCode() != 0)
            qFatal("psql: %s", psql.readAllStandardError().constData());
        for (const QString &line : QString::fromUtf8(psql.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts))
            rows << line;
        return rows;
    }

    QString pgAdmin(const QString &user = QStringLiteral("postgres")) const
    {
        QString admin = qEnvironmentVariable("ONEWINDOW_TEST_PG_ADMIN");
        admin.replace(QStringLiteral("dbname=postgres"), QStringLiteral("dbname=") + m_db.url().section('/', -1));
        admin.replace(QStringLiteral("user=postgres"), QStringLiteral("user=") + user);
        return admin;
    }

    /// A chain's entries (a case's, or with an empty id the one outside cases), oldest first.
    QList<Row> chain(const QString &caseId)
    {
        const QString where = caseId.isEmpty() ? QStringLiteral("case_id IS NULL")
                                               : QStringLiteral("case_id = '%1'").arg(caseId);
        QList<Row> rows;
        for (const QString &line :
             dba("SELECT seq, COALESCE(case_id, ''), at, actor, action, detail, prev_hash, hash, COALESCE(key_id, '') "
                 "FROM audit_log WHERE " + where + " ORDER BY seq")) {
            const QStringList c = line.split(QChar(0x1f));
            if (c.size() != 9)
                qFatal("an entry with a line break: %s", qPrintable(line));
            rows.append({c[0].toLongLong(), c[1].toUtf8(), c[2].toUtf8(), c[3].toUtf8(), c[4].toUtf8(), c[5].toUtf8(),
                         c[6].toUtf8(), c[7].toUtf8(), c[8].toUtf8()});
        }
        return rows;
    }

    enum class Rehash { PlainSha256, WrongKey };

    /// Changes the detail of `chain`'s entry `from` and writes that entry and every later one of
    /// the chain again, hashed as `how` says, and the case's head: a rewrite without the key.
    void rewrite(const QString &caseId, int from, Rehash how)
    {
        QList<Row> rows = chain(caseId);
        QVERIFY(rows.size() > from);
        QByteArray previous = rows[from].previous;
        for (int i = from; i < rows.size(); ++i) {
            Row &row = rows[i];
            if (i == from)
                row.detail = "rewritten";
            const QList<QByteArray> parts{previous, row.at, row.actor, row.action, row.caseId, row.detail};
            if (how == Rehash::PlainSha256) {
                row.hash = QCryptographicHash::hash(fields(parts), QCryptographicHash::Sha256).toHex();
                row.keyId.clear();
            } else {
                row.hash = QMessageAuthenticationCode::hash("onewindow audit entry 2\n"
                                                                + fields(QList<QByteArray>{QByteArray::number(row.seq)}
                                                                         + parts),
                                                            "not the server's key, but as long as one",
                                                            QCryptographicHash::Sha256)
                               .toHex();
            }
            dba(QStringLiteral("UPDATE audit_log SET detail = '%1', prev_hash = '%2', hash = '%3', key_id = %4 WHERE "
                               "seq = %5")
                    .arg(QString::fromUtf8(row.detail).replace('\'', QLatin1String("''")),
                         QString::fromLatin1(previous), QString::fromLatin1(row.hash),
                         row.keyId.isEmpty() ? QStringLiteral("NULL") : "'" + QString::fromLatin1(row.keyId) + "'")
                    .arg(row.seq));
            previous = row.hash;
        }
        if (!caseId.isEmpty())
            dba(QStringLiteral("UPDATE cases SET audit_head = '%1' WHERE id = '%2'").arg(QString::fromLatin1(previous), caseId));
    }

    void expectProblem(const QJsonObject &v, const QString &problem)
    {
        QVERIFY2(!v.value("valid").toBool(), QJsonDocument(v).toJson().constData());
        QVERIFY2(v.value("problem").toString() == problem, QJsonDocument(v).toJson().constData());
        QVERIFY(!v.value("message").toString().isEmpty());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // This run's exchanges replace the last run's.
        if (const QString traffic = qEnvironmentVariable("ONEWINDOW_CONTRACT_TRAFFIC"); !traffic.isEmpty())
            QFile::remove(traffic);
        m_keyFile = m_dir.filePath("audit.key");
        QFile key(m_keyFile);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(kKey + '\n');
        key.close();
        QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        m_config = m_dir.filePath("quiet.properties");
        QFile config(m_config);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("jobs.intervalSeconds = 0\n");
    }

    void cleanupTestCase()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
    }

    // Ordinary activity and restarts leave the trail valid; each case's creation, the key's
    // adoption and the holiday schedules loaded at start-up are in the chain outside cases.
    void validAfterActivityAndRestart()
    {
        freshTrail();
        QJsonObject v = verify();
        QVERIFY2(v.value("valid").toBool(), QJsonDocument(v).toJson().constData());
        QVERIFY(v.value("problem").isNull());
        QVERIFY(v.value("firstBrokenEntry").isNull());
        QVERIFY(v.value("entries").toInt() > 10);
        QVERIFY(v.value("checkpoint").isObject());
        QCOMPARE(v.value("checkpoint").toObject().value("at").toString().left(10), QStringLiteral("2026-11-27"));

        const QJsonArray created = search("action=case_created");
        QCOMPARE(created.size(), 3);
        for (const QString &id : m_cases) {
            bool found = false;
            for (const auto &entry : created)
                found = found || entry.toObject().value("detail").toString().startsWith(id + ' ');
            QVERIFY2(found, qPrintable(id));
        }
        QCOMPARE(search("action=audit_key_adopted").size(), 1);
        const QJsonArray loaded = search("action=calendar_year_loaded");
        QVERIFY(!loaded.isEmpty());
        QCOMPARE(loaded[0].toObject().value("actor").toString(), QStringLiteral("system"));
        QVERIFY(loaded[0].toObject().value("detail").toString().contains("holiday days"));
        // Loaded once: a restart finds the years there and records nothing again.
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(start());
        QCOMPARE(search("action=calendar_year_loaded").size(), loaded.size());
        QCOMPARE(search("action=audit_key_adopted").size(), 1);

        // Every entry written since names the key; the checkpoint lines are signed with it.
        QCOMPARE(dba("SELECT COUNT(*) FROM audit_log WHERE key_id IS NULL"), QStringList{"0"});
        QFile file(m_checkpoints);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.size() >= 3);
        const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(first.value("mac").toString().size(), 64);
        QCOMPARE(first.value("database").toString().contains("ow"), true);
        v = verify();
        QVERIFY2(v.value("valid").toBool(), QJsonDocument(v).toJson().constData());
    }

    // Personal data shown is recorded before it goes out: a case, a file, a citizen's licences,
    // a broken commitment; the auditor finds each (the ID number masked), the case's history
    // shows its changes only, and the trail stays valid. An empty licence lookup records nothing.
    void readsOfPersonalDataRecorded()
    {
        freshTrail();
        const QString caseId = m_cases[0];
        const QJsonArray historyBefore = as("clerk1").get(api("/cases/") + caseId + "/audit").object().value("items").toArray();
        QCOMPARE(search("action=case_read&case=" + caseId).size(), 0);
        const qsizetype licenceReadsBefore = search("action=licenses_read").size();

        QCOMPARE(as("clerk1").get(api("/cases/") + caseId).status, 200);
        QCOMPARE(as("clerk1").get(api("/cases/") + caseId).status, 200);
        QByteArray scan("%PDF-1.4\nreads\n%%EOF\n");
        const ApiReply stored = as("clerk1").post(api("/cases/") + caseId + "/attachments?filename=scan.pdf", scan,
                                                  {{"Idempotency-Key", "reads-1"}, {"Content-Type", "application/pdf"}});
        QCOMPARE(stored.status, 201);
        const QString fileId = stored.object().value("id").toString();
        QCOMPARE(as("clerk2").get(api("/cases/") + caseId + "/attachments/" + fileId + "/content").status, 200);
        QCOMPARE(as("clerk1").get(api("/applicants/11010519491231002X/licenses")).status, 200);
        QCOMPARE(as("clerk1").get(api("/applicants/11010519491231003X/licenses")).object().value("items").toArray().size(),
                 0);
        QCOMPARE(as("supervisor1").get(api("/applicants/11010519491231002X/broken-commitment")).status, 200);

        const QJsonArray caseReads = search("action=case_read&case=" + caseId);
        QCOMPARE(caseReads.size(), 2);
        QCOMPARE(caseReads[0].toObject().value("actor").toString(), QStringLiteral("clerk1"));
        QCOMPARE(caseReads[0].toObject().value("caseId").toString(), caseId);
        const QJsonArray fileReads = search("action=attachment_read&actor=clerk2");
        QCOMPARE(fileReads.size(), 1);
        QVERIFY(fileReads[0].toObject().value("detail").toString().startsWith(fileId));
        const QJsonArray licenceReads = search("action=licenses_read");
        QCOMPARE(licenceReads.size(), licenceReadsBefore + 1);
        const QString detail = licenceReads[0].toObject().value("detail").toString();
        QVERIFY2(detail.endsWith("110105********002X") && !detail.contains("19491231"), qPrintable(detail));
        QCOMPARE(search("action=applicant_record_read&actor=supervisor1").size(), 1);

        // The case's history: its changes, the upload among them, no read.
        const QJsonArray history = as("clerk1").get(api("/cases/") + caseId + "/audit").object().value("items").toArray();
        QCOMPARE(history.size(), historyBefore.size() + 1);
        for (const auto &entry : history)
            QVERIFY(!entry.toObject().value("action").toString().endsWith("_read"));
        const QJsonObject v = verify();
        QVERIFY2(v.value("valid").toBool(), QJsonDocument(v).toJson().constData());
    }

    // The background jobs write as "system"; a run an administrator starts names them.
    void jobsRunByAnAdministratorRecorded()
    {
        freshTrail();
        const ApiReply run = as("admin").post(api("/jobs/run"), "{}");
        QCOMPARE(run.status, 200);
        const QJsonArray runs = search("action=jobs_run");
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0].toObject().value("actor").toString(), QStringLiteral("admin"));
        QVERIFY(runs[0].toObject().value("detail").toString().startsWith("overdue 0, terminated 0"));
    }

    // A key file others may read stops the server; without a setting, a key is made beside the
    // SQLite database, readable by its owner only, and the log says so.
    void keyFile()
    {
        if (m_server.isRunning())
            QCOMPARE(m_server.stop(), 0);
        const QString open = m_dir.filePath("open.key");
        QFile key(open);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(kKey);
        key.close();
        QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        QString error;
        QVERIFY(!m_server.start({"--database", m_db.url(), "--today", "2026-11-27", "--audit-key-file", open}, &error));
        QVERIFY2(error.contains("chmod 600"), qPrintable(error));
        // The trail was signed with the test's key: another one is refused.
        QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(kKey).replace('3', '4'));
        key.close();
        QVERIFY(!m_server.start({"--database", m_db.url(), "--today", "2026-11-27", "--audit-key-file", open}, &error));
        QVERIFY2(error.contains("restore the key file"), qPrintable(error));

        if (m_db.kind() != TestDatabase::Kind::SQLite)
            return;
        const TestDatabase db = TestDatabase::create(TestDatabase::Kind::SQLite, m_dir.path(), &error);
        QVERIFY(m_server.start({"--database", db.url(), "--today", "2026-11-27"}, &error));
        const QString made = db.url().mid(7) + ".audit-key";
        QCOMPARE(HttpClient(m_server.baseUrl()).get(api("/health")).status, 200); // up and waiting for its stop
        QVERIFY(QFile::exists(made));
        QCOMPARE((QFile::permissions(made)
                  & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser))
                     .toInt(),
                 0);
        QCOMPARE(m_server.stop(), 0);
        QVERIFY2(m_server.output().contains("audit key created in " + made), qPrintable(m_server.output()));
    }

    // An entry edited in place.
    void editedEntry()
    {
        freshTrail();
        const QList<Row> rows = chain(m_cases[2]);
        QVERIFY(rows.size() >= 3);
        dba(QStringLiteral("UPDATE audit_log SET detail = 'edited' WHERE seq = %1").arg(rows[1].seq));
        const QJsonObject v = verify();
        expectProblem(v, "entry_changed");
        QCOMPARE(v.value("firstBrokenEntry").toInteger(), rows[1].seq);
    }

    // A case's chain written again from an edited entry on with plain SHA-256 (as before the key,
    // the key id removed): entries without the key are accepted only before it was adopted.
    void recomputedWithPlainSha256()
    {
        freshTrail();
        const qint64 seq = chain(m_cases[2])[1].seq;
        rewrite(m_cases[2], 1, Rehash::PlainSha256);
        const QJsonObject v = verify();
        expectProblem(v, "entry_changed");
        QCOMPARE(v.value("firstBrokenEntry").toInteger(), seq);
    }

    // The chain outside cases written again from an edited entry on with HMAC-SHA256 and a key
    // that is not the server's.
    void recomputedWithAnotherKey()
    {
        freshTrail();
        const QList<Row> rows = chain({});
        const int from = static_cast<int>(rows.size()) - 4;
        rewrite({}, from, Rehash::WrongKey);
        const QJsonObject v = verify();
        expectProblem(v, "entry_changed");
        QCOMPARE(v.value("firstBrokenEntry").toInteger(), rows[from].seq);
    }

    // The last entries of the chain outside cases deleted: the chain is consistent, but shorter
    // than a checkpoint recorded.
    void tailOfTheChainOutsideCasesDeleted()
    {
        freshTrail();
        const QJsonObject before = verify(); // the auditor's sign-in is the chain's last entry
        QVERIFY(before.value("valid").toBool());
        const QList<Row> rows = chain({});
        const qint64 keep = rows[rows.size() - 4].seq;
        dba(QStringLiteral("DELETE FROM audit_log WHERE case_id IS NULL AND seq > %1").arg(keep));
        const QJsonObject v = verify();
        expectProblem(v, "chain_shortened");
        QVERIFY(v.value("checkpoint").toObject().value("seq").toInteger() > keep);
        QVERIFY2(v.value("message").toString().contains("shorter than the checkpoint of 2026-11-27"),
                 qPrintable(v.value("message").toString()));
    }

    // A case deleted whole: its row, its entries and every row that refers to it.
    void wholeCaseDeleted()
    {
        freshTrail();
        const QString id = m_cases[0];
        const QString number = dba("SELECT number FROM cases WHERE id = '" + id + "'").value(0);
        QVERIFY(!number.isEmpty());
        for (const char *table : {"case_queue", "case_parts", "case_history", "deficiencies", "case_clock_pauses",
                                  "notifications", "audit_log"})
            dba(QStringLiteral("DELETE FROM %1 WHERE case_id = '%2'").arg(QLatin1String(table), id));
        dba("DELETE FROM cases WHERE id = '" + id + "'");
        const QJsonObject v = verify();
        expectProblem(v, "case_missing");
        QCOMPARE(v.value("caseId").toString(), id);
        QCOMPARE(v.value("caseNumber").toString(), number);
    }

    // Every entry of a case deleted and its head set to NULL.
    void caseEntriesDeletedAndHeadNulled()
    {
        freshTrail();
        const QString id = m_cases[1];
        dba("DELETE FROM audit_log WHERE case_id = '" + id + "'");
        dba("UPDATE cases SET audit_head = NULL WHERE id = '" + id + "'");
        const QJsonObject v = verify();
        expectProblem(v, "case_chain_cut");
        QCOMPARE(v.value("caseId").toString(), id);
    }

    // A case's entries after its first deleted and its head moved back to that one: the chain is
    // consistent, but holds fewer entries than a checkpoint counted.
    void caseTailDeletedAndHeadRewound()
    {
        freshTrail();
        const QString id = m_cases[2];
        const QList<Row> rows = chain(id);
        QVERIFY(rows.size() >= 3);
        dba(QStringLiteral("DELETE FROM audit_log WHERE case_id = '%1' AND seq > %2").arg(id).arg(rows[0].seq));
        dba(QStringLiteral("UPDATE cases SET audit_head = '%1' WHERE id = '%2'").arg(QString::fromLatin1(rows[0].hash), id));
        const QJsonObject v = verify();
        expectProblem(v, "entries_missing");
        QVERIFY(v.value("checkpoint").isObject());
    }

    // A checkpoint line changed in the file (its head moved back) no longer carries the key's
    // signature.
    void checkpointAltered()
    {
        freshTrail();
        QFile file(m_checkpoints);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        QJsonObject last = QJsonDocument::fromJson(lines[lines.size() - 2]).object();
        last.insert("entries", last.value("entries").toInteger() - 1);
        lines[lines.size() - 2] = QJsonDocument(last).toJson(QJsonDocument::Compact);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(lines.join('\n'));
        file.close();
        expectProblem(verify(), "checkpoint_altered");
    }

    // Intakes at several counters while the auditor verifies, checkpoints taken every second:
    // never a false alarm.
    void verifyWhileIntakesRun()
    {
        freshTrail();
        QVERIFY(verify().value("valid").toBool()); // the server is up and waiting for its stop
        QCOMPARE(m_server.stop(), 0);
        const QString config = m_dir.filePath("often.properties");
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("jobs.intervalSeconds = 0\naudit.checkpointSeconds = 1\n");
        file.close();
        const QString quiet = std::exchange(m_config, config);
        const bool started = start();
        m_config = quiet;
        QVERIFY(started);
        const QString body = m_dir.filePath("intake.json");
        QFile intake(body);
        QVERIFY(intake.open(QIODevice::WriteOnly));
        intake.write(toJson(sampleIntake(as("clerk1"), "HF-001", "SZ",
                                         samplePerson(QStringLiteral("李四"), "110101199003070935"))));
        intake.close();
        const int before = dba("SELECT COUNT(*) FROM cases").value(0).toInt();
        std::vector<std::unique_ptr<QProcess>> counters;
        for (const char *clerk : {"clerk1", "clerk2", "clerk1", "clerk2"}) {
            auto p = std::make_unique<QProcess>();
            p->start("sh", {"-c", QStringLiteral("for i in $(seq 15); do curl -s -o /dev/null -w '%{http_code}\\n' "
                                                 "-H 'Authorization: Bearer %1' -H \"Idempotency-Key: $(cat "
                                                 "/proc/sys/kernel/random/uuid)\" -H 'Content-Type: application/json' "
                                                 "--data-binary @%2 %3/api/v1/cases; done")
                                      .arg(as(clerk).token(), body, m_server.baseUrl())});
            counters.push_back(std::move(p));
        }
        int verified = 0;
        const auto running = [&] {
            for (const auto &p : counters)
                if (p->state() != QProcess::NotRunning)
                    return true;
            return false;
        };
        while (running() || verified == 0) {
            const QJsonObject v = verify();
            QVERIFY2(v.value("valid").toBool(), QJsonDocument(v).toJson().constData());
            ++verified;
        }
        for (const auto &p : counters) {
            if (p->state() != QProcess::NotRunning)
                QVERIFY(p->waitForFinished(120000));
            const QStringList codes = QString::fromUtf8(p->readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
            QCOMPARE(codes, QStringList(15, QStringLiteral("201")));
        }
        QCOMPARE(dba("SELECT COUNT(*) FROM cases").value(0).toInt(), before + 60);
        const QJsonObject v = verify();
        QVERIFY2(v.value("valid").toBool(), QJsonDocument(v).toJson().constData());
        // The next checkpoint (within a second or so of the last intake) holds them all.
        QJsonObject last;
        QVERIFY2(QTest::qWaitFor([&] {
            last = verify();
            return last.value("valid").toBool() && last.value("checkpoint").toObject().value("entries").toInt() > 60;
        }, 20000),
                 QJsonDocument(last).toJson().constData());
    }

    // PostgreSQL: the table refuses UPDATE and DELETE even to its owner (until the triggers are
    // switched off), and an application role with the grants of docs/deployment.md may add and
    // read entries only; the server runs as that role.
    void applicationRoleCannotChangeTheTrail()
    {
        if (m_db.kind() != TestDatabase::Kind::PostgreSQL)
            QSKIP("PostgreSQL only");
        freshTrail();
        const auto psql = [&](const QString &user, const QString &sql, QString *errors = nullptr) {
            QProcess p;
            p.start("psql", {pgAdmin(user), "-q", "-v", "ON_ERROR_STOP=1", "-At", "-c", sql});
            p.waitForFinished(30000);
            if (errors)
                *errors = QString::fromUtf8(p.readAllStandardError());
            return p.exitCode() == 0;
        };
        QString errors;
        QVERIFY(!psql("postgres", "UPDATE audit_log SET detail = 'x' WHERE seq = 1", &errors));
        QVERIFY2(errors.contains("append-only"), qPrintable(errors));
        QVERIFY(!psql("postgres", "DELETE FROM audit_log", &errors));
        QVERIFY2(errors.contains("append-only"), qPrintable(errors));
        QVERIFY(!psql("postgres", "TRUNCATE audit_log", &errors));

        const QString role = QStringLiteral("ow_app_%1").arg(QRandomGenerator::global()->generate());
        const QString database = m_db.url().section('/', -1);
        QVERIFY2(psql("postgres",
                      QStringLiteral("CREATE ROLE %1 LOGIN; "
                                     "GRANT CONNECT ON DATABASE %2 TO %1; GRANT USAGE ON SCHEMA public TO %1; "
                                     "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1; "
                                     "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %1; "
                                     "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1;")
                          .arg(role, database),
                      &errors),
                 qPrintable(errors));
        QVERIFY(!psql(role, "UPDATE audit_log SET detail = 'x' WHERE seq = 1", &errors));
        QVERIFY2(errors.contains("permission denied"), qPrintable(errors));
        QVERIFY(!psql(role, "DELETE FROM audit_log WHERE seq = 1", &errors));
        QVERIFY2(errors.contains("permission denied"), qPrintable(errors));
        QVERIFY(!psql(role, "ALTER TABLE audit_log DISABLE TRIGGER USER", &errors));

        // The server as that role: it signs in, takes in a case, and the trail stays valid.
        QCOMPARE(m_server.stop(), 0);
        const QString owner = m_db.url();
        QString error;
        const QString asRole = QString(owner).replace("postgresql://postgres@", "postgresql://" + role + "@");
        QVERIFY2(m_server.start({"--database", asRole, "--demo", "--today", "2026-11-27", "--audit-key-file", m_keyFile,
                                 "--audit-checkpoint-file", m_checkpoints},
                                &error),
                 qPrintable(error));
        m_users = std::make_unique<SignedInUsers>(m_server);
        acceptSampleCase(as("clerk1"), "HF-001");
        const QJsonObject v = verify();
        QVERIFY2(v.value("valid").toBool(), QJsonDocument(v).toJson().constData());
        QCOMPARE(m_server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AuditTrail)
#include "tst_audittrail.moc"
