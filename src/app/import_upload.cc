// SPDX-License-Identifier: MIT
// The upload is spooled to a private temporary folder (mode 0700) and imported with ImportPaths, so the
// web and command-line imports share one walk and one store path; the folder is removed afterwards.
#include "app/import_upload.h"

#include <stdlib.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace stride::app {
namespace {

namespace fs = std::filesystem;

// Removes the spool folder however the import ends.
class SpoolFolder {
 public:
  static Result<SpoolFolder> Create() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string pattern = (base / "stride-upload-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return Fail(core::ErrorCode::kIoError, "cannot create a folder for the upload", base.string());
    return SpoolFolder(pattern);
  }
  SpoolFolder(SpoolFolder&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  SpoolFolder& operator=(SpoolFolder&&) = delete;
  ~SpoolFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit SpoolFolder(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

Status WriteFile(const fs::path& path, std::span<const uint8_t> bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Fail(core::ErrorCode::kIoError, "cannot write the upload to a temporary file", path.filename().string());
  return Ok();
}

// Drops every occurrence of `prefix` (the spool folder) from `text`.
void StripPrefix(const std::string& prefix, std::string* text) {
  for (size_t at = text->find(prefix); at != std::string::npos; at = text->find(prefix, at)) text->erase(at, prefix.size());
}

void StripReport(const std::string& prefix, ImportReport* report) {
  for (auto& a : report->imported) StripPrefix(prefix, &a.file);
  for (auto& d : report->duplicates) StripPrefix(prefix, &d);
  for (auto& s : report->skipped) StripPrefix(prefix, &s);
  for (auto& f : report->failed) {
    StripPrefix(prefix, &f.file);
    StripPrefix(prefix, &f.error.where);
    StripPrefix(prefix, &f.error.message);
  }
}

}  // namespace

std::string SafeUploadName(std::string_view client_name) {
  size_t slash = client_name.find_last_of("/\\");
  if (slash != std::string_view::npos) client_name.remove_prefix(slash + 1);
  std::string name;
  for (char c : client_name) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_';
    name.push_back(keep ? c : '_');
  }
  constexpr size_t kMaxNameLength = 120;
  if (name.size() > kMaxNameLength) name.erase(0, name.size() - kMaxNameLength);  // keep the extension
  if (name.empty() || name == "." || name == "..") name = "upload";
  return name;
}

Result<ImportReport> ImportBytes(store::Database& db, std::span<const uint8_t> bytes, std::string_view client_name,
                                 const ImportOptions& options) {
  const std::string name = SafeUploadName(client_name);
  if (bytes.empty()) return Fail(core::ErrorCode::kInvalidArgument, "the upload is empty", name);
  auto folder = SpoolFolder::Create();
  if (!folder) return Fail(folder.error());
  const fs::path file = folder->path() / name;
  if (auto written = WriteFile(file, bytes); !written) return Fail(written.error());
  const std::string prefix = folder->path().generic_string() + "/";
  ImportOptions own = options;
  if (options.on_progress) {
    own.on_progress = [&](const ImportProgress& p) {
      ImportProgress shown = p;
      StripPrefix(prefix, &shown.current);
      options.on_progress(shown);
    };
  }
  auto report = ImportPaths(db, {file}, own);
  if (!report) return report;
  StripReport(prefix, &*report);
  return report;
}

}  // namespace stride::app
