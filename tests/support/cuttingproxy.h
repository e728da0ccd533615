#pragma once

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QTcpServer>

/// A TCP proxy on loopback in front of a server's port that cuts every connection it carries at
/// a random byte: in each direction a cut point is drawn (exponentially distributed, with the
/// given mean number of bytes), and when the bytes sent one way reach that direction's point,
/// exactly that many have gone through, the receiving side is closed and the sending side reset.
/// A cut lands wherever the byte falls: inside a request, inside an answer, or between two of
/// them on a kept-alive connection. The cut points come from `seed` in the order the
/// connections arrive. Alternatively the cut points are given: the n-th connection is cut where
/// the n-th Cut says, and the connections after the last are carried whole.
class CuttingProxy : public QObject
{
    Q_OBJECT

public:
    struct Counts
    {
        int connections = 0;
        int cutRequests = 0; ///< cut while bytes went to the server
        int cutAnswers = 0; ///< cut while bytes came back from it
        qint64 bytesToServer = 0;
        qint64 bytesFromServer = 0;
    };

    /// Where one connection is cut: after so many bytes to the server, or from it (-1: never).
    struct Cut
    {
        qint64 toServer = -1;
        qint64 fromServer = -1;
    };

    CuttingProxy(quint16 serverPort, quint32 seed, double meanBytesToCut, QObject *parent = nullptr);
    CuttingProxy(quint16 serverPort, QList<Cut> cuts, QObject *parent = nullptr);
    ~CuttingProxy() override;

    /// The cuts of the next connections (the fixed mode's list is replaced).
    void setCuts(QList<Cut> cuts) { m_cuts = std::move(cuts); }

    /// Down: every connection it carries is reset, and new ones are reset as they come (the
    /// server behind it as good as gone); up again: connections are carried as before.
    void setDown(bool down);

    bool listen();
    quint16 port() const { return m_listener.serverPort(); }
    Counts counts() const { return m_counts; }

private:
    void accept();
    qint64 cutPoint();

    QTcpServer m_listener;
    quint16 m_serverPort;
    QRandomGenerator m_random;
    double m_meanBytesToCut = 0;
    QList<Cut> m_cuts;
    bool m_fixed = false;
    bool m_down = false;
    Counts m_counts;
};
