#include "OneShotUploadDevice.h"

#include <cstring>

namespace bankid {

OneShotUploadDevice::OneShotUploadDevice(const QByteArray &body, QObject *parent)
    : QIODevice(parent)
    , m_body(body)
{
    open(QIODevice::ReadOnly);
}

bool OneShotUploadDevice::seek(qint64 pos)
{
    if (m_read && pos != QIODevice::pos()) {
        m_rewindRefused = true;
        return false;
    }
    return QIODevice::seek(pos);
}

bool OneShotUploadDevice::reset()
{
    if (m_read) {
        m_rewindRefused = true;
        return false;
    }
    return QIODevice::reset();
}

qint64 OneShotUploadDevice::readData(char *data, qint64 maxSize)
{
    const qint64 offset = pos();
    const qint64 count = std::min<qint64>(maxSize, m_body.size() - offset);
    if (count <= 0)
        return count == 0 ? 0 : -1;
    std::memcpy(data, m_body.constData() + offset, size_t(count));
    m_read = true;
    return count;
}

qint64 OneShotUploadDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace bankid
