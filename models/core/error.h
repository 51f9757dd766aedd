#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Fluxdesk {

// An error as a value: what went wrong and, where known, where (file, 1-based line and column).
struct Error
{
    QString message;
    QString file;
    int line = 0;
    int column = 0;

    Error() = default;
    explicit Error(QString msg, QString path = {}, int ln = 0, int col = 0)
        : message(std::move(msg)), file(std::move(path)), line(ln), column(col)
    {}

    // "FILE:LINE:COL: message", dropping the parts that are unknown.
    QString toString() const;
};

// A value or an error: the one result type of every area (git's GitResult is Result<T, GitError>).
template <typename T, typename E = Error> class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(E error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const T &operator*() const { return *m_value; }
    T &operator*() { return *m_value; }
    const E &error() const { return m_error; }

private:
    std::optional<T> m_value;
    E m_error;
};

} // namespace Fluxdesk
