// Cleaning a ConfigMap with many keys (issue 17: the duplicate-key check was quadratic, 10.7 s
// for 200,000 keys), and reading it with each YAML reader. Run on demand:
//   cmake --build BUILD --target benchmark_yaml_keys
//   BUILD/tests/benchmarks/bench_yaml_keys [KEYS] [RUNS]
// Prints the best of RUNS wall-clock times in milliseconds (use a RelWithDebInfo build).
#include "manifest/cleaner.h"
#include "manifest/yamlfast.h"
#include "manifest/yamljson.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>

using namespace Fluxdesk;

namespace {

// Keys in descending order: the worst order for a map kept sorted.
QByteArray configMap(int keys)
{
    QByteArray yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n";
    yaml.reserve(yaml.size() + qsizetype(keys) * 24);
    for (int i = keys - 1; i >= 0; --i)
        yaml += "  key-" + QByteArray::number(i) + ": value\n";
    return yaml;
}

qint64 best(int runs, const std::function<bool()> &work)
{
    qint64 fastest = std::numeric_limits<qint64>::max();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!work()) {
            std::fprintf(stderr, "bench_yaml_keys: the input was refused\n");
            std::exit(1);
        }
        fastest = std::min(fastest, timer.elapsed());
    }
    return fastest;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int keys = args.size() > 1 ? args.at(1).toInt() : 200'000;
    const int runs = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 3;
    const QByteArray yaml = configMap(keys);
    const QString name = QStringLiteral("bench.yaml");
    const CleanRules rules = CleanRules::defaults();

    std::printf("ConfigMap with %d keys (%.1f MB), best of %d\n", keys, yaml.size() / 1e6, runs);
    std::printf(
        "  clean (cleanYamlText):         %6lld ms\n",
        static_cast<long long>(best(runs, [&] { return cleanYamlText(yaml, name, rules).ok(); })));
    std::printf("  fast reader (parseYamlFast):   %6lld ms\n",
                static_cast<long long>(
                    best(runs, [&] { return YamlDetail::parseYamlFast(yaml, {}).has_value(); })));
    std::printf("  yaml-cpp reader:               %6lld ms\n",
                static_cast<long long>(best(runs, [&] {
                    return YamlDetail::parseYamlDocumentsWithYamlCpp(yaml, name).ok();
                })));
    return 0;
}
