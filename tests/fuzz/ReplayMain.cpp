// ReplayMain: the main() of the replay tests. Each harness source is linked with this file (instead of
// libFuzzer) in every build, so the committed corpus and every saved crash input run through
// LLVMFuzzerTestOneInput under ctest (label "fuzz"), with gcc and in the ASan build too.
//
//   fuzz_replay_<harness> DIR_OR_FILE...   runs every regular file below each argument, in name order
//
// Contract: exit 0 when every input ran (a harness reports a finding by aborting, which fails the test);
// exit 1 when no input was found at all, so a wrong path cannot pass as an empty success. A missing
// argument path is skipped: the regression folder of a harness exists only once something was found.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
// Optional in a harness, as with libFuzzer: weak, so a harness without it links.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace {

std::vector<std::filesystem::path> inputFiles(const std::filesystem::path &root)
{
    std::vector<std::filesystem::path> files;
    std::error_code error;
    if (std::filesystem::is_regular_file(root, error)) {
        files.push_back(root);
    } else if (std::filesystem::is_directory(root, error)) {
        for (const auto &entry : std::filesystem::recursive_directory_iterator(root, error)) {
            if (entry.is_regular_file(error) && entry.path().filename().string().front() != '.')
                files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);

    std::size_t ran = 0;
    for (int i = 1; i < argc; ++i) {
        for (const auto &path : inputFiles(argv[i])) {
            std::ifstream stream(path, std::ios::binary);
            const std::vector<char> content{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
            if (!stream.good() && !stream.eof()) {
                std::fprintf(stderr, "cannot read %s\n", path.c_str());
                return 1;
            }
            std::fprintf(stderr, "replay %s (%zu bytes)\n", path.c_str(), content.size());
            // A copy of exactly `size` bytes: ASan then catches a read one past the end, as under libFuzzer.
            std::vector<uint8_t> input(content.begin(), content.end());
            LLVMFuzzerTestOneInput(input.empty() ? nullptr : input.data(), input.size());
            ++ran;
        }
    }
    if (ran == 0) {
        std::fprintf(stderr, "no input found below the given paths\n");
        return 1;
    }
    std::printf("%zu inputs replayed without a finding\n", ran);
    return 0;
}
