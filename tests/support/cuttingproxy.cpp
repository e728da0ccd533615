#include "cuttingproxy.h"

#include <QTcpSocket>

#include <cmath>
#include <limits>

namespace {

/// One connection through the proxy: the client's socket and the one to the server, each
/// direction with the bytes left before its cut. Deletes itself when both sockets are closed.
class Link : public QObject
{
public:
    Link(QTcpSocket *client, quint16 serverPort, qint64 toServerCut, qint64 fromServerCut, CuttingProxy::Counts &counts,
        QObject *parent)
        : QObject(parent)
        , m_client(client)
        , m_server(new QTcpSocket(this))
        , m_toServerLeft(toServerCut)
        , m_fromServerLeft(fromServerCut)
        , m_counts(counts)
    {
        m_client->setParent(this);
        m_client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(m_client, &QTcpSocket::readyRead, this, [this] { toServer(); });
        connect(m_server, &QTcpSocket::readyRead, this, [this] { fromServer(); });
        connect(m_server, &QTcpSocket::connected, this, [this] {
            m_server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            toServer(); // what the client sent while the server's side was connecting
        });
        connect(m_client, &QTcpSocket::disconnected, this, [this] { ended(m_client, m_server); });
        connect(m_server, &QTcpSocket::disconnected, this, [this] { ended(m_server, m_client); });
        connect(m_server, &QTcpSocket::errorOccurred, this, [this] {
            if (m_server->state() == QAbstractSocket::UnconnectedState)
                ended(m_server, m_client);
        });
        m_server->connectToHost(QHostAddress::LocalHost, serverPort);
    }

    /// Resets both sides at once.
    void reset()
    {
        m_cut = true;
        m_client->abort();
        m_server->abort();
        deleteLater();
    }

private:
    void toServer()
    {
        if (m_server->state() == QAbstractSocket::ConnectedState || m_cut)
            pass(m_client, m_server, m_toServerLeft, m_counts.cutRequests, m_counts.bytesToServer);
    }
    void fromServer() { pass(m_server, m_client, m_fromServerLeft, m_counts.cutAnswers, m_counts.bytesFromServer); }

    // Forwards what `from` has to `to`, up to this direction's cut; at the cut, `to` gets exactly
    // the bytes before it and is closed, and `from` is reset.
    void pass(QTcpSocket *from, QTcpSocket *to, qint64 &left, int &cuts, qint64 &bytes)
    {
        if (!from->isOpen())
            return;
        const QByteArray data = from->readAll();
        if (m_cut || data.isEmpty() || to->state() != QAbstractSocket::ConnectedState)
            return;
        if (data.size() < left) {
            to->write(data);
            left -= data.size();
            bytes += data.size();
            return;
        }
        to->write(data.left(left));
        bytes += left;
        ++cuts;
        m_cut = true;
        to->disconnectFromHost();
        from->abort();
        closeWhenDone();
    }

    // One side closed: what it sent goes on, then the other side is closed too.
    void ended(QTcpSocket *gone, QTcpSocket *other)
    {
        if (gone == m_client)
            toServer();
        else
            fromServer();
        if (other->state() == QAbstractSocket::ConnectedState)
            other->disconnectFromHost();
        else if (other->state() != QAbstractSocket::ClosingState)
            other->abort();
        closeWhenDone();
    }

    void closeWhenDone()
    {
        if (m_client->state() == QAbstractSocket::UnconnectedState
            && m_server->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
    }

    QTcpSocket *m_client;
    QTcpSocket *m_server;
    qint64 m_toServerLeft;
    qint64 m_fromServerLeft;
    CuttingProxy::Counts &m_counts;
    bool m_cut = false;
};

} // namespace

CuttingProxy::CuttingProxy(quint16 serverPort, quint32 seed, double meanBytesToCut, QObject *parent)
    : QObject(parent)
    , m_serverPort(serverPort)
    , m_random(seed)
    , m_meanBytesToCut(meanBytesToCut)
{
    connect(&m_listener, &QTcpServer::newConnection, this, &CuttingProxy::accept);
}

CuttingProxy::CuttingProxy(quint16 serverPort, QList<Cut> cuts, QObject *parent)
    : QObject(parent)
    , m_serverPort(serverPort)
    , m_cuts(std::move(cuts))
    , m_fixed(true)
{
    connect(&m_listener, &QTcpServer::newConnection, this, &CuttingProxy::accept);
}

CuttingProxy::~CuttingProxy() = default;

bool CuttingProxy::listen()
{
    return m_listener.listen(QHostAddress::LocalHost);
}

qint64 CuttingProxy::cutPoint()
{
    return static_cast<qint64>(-m_meanBytesToCut * std::log(1.0 - m_random.generateDouble()));
}

void CuttingProxy::setDown(bool down)
{
    m_down = down;
    if (!down)
        return;
    for (QObject *child : children()) {
        if (auto *link = dynamic_cast<Link *>(child))
            link->reset();
    }
}

void CuttingProxy::accept()
{
    while (QTcpSocket *client = m_listener.nextPendingConnection()) {
        if (m_down) {
            client->abort();
            client->deleteLater();
            continue;
        }
        ++m_counts.connections;
        qint64 toServerCut = std::numeric_limits<qint64>::max();
        qint64 fromServerCut = std::numeric_limits<qint64>::max();
        if (!m_fixed) {
            toServerCut = cutPoint();
            fromServerCut = cutPoint();
        } else if (!m_cuts.isEmpty()) {
            const Cut cut = m_cuts.takeFirst();
            if (cut.toServer >= 0)
                toServerCut = cut.toServer;
            if (cut.fromServer >= 0)
                fromServerCut = cut.fromServer;
        }
        new Link(client, m_serverPort, toServerCut, fromServerCut, m_counts, this);
    }
}
