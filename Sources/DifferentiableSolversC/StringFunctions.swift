#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The version of the C ABI described by `differentiable_solvers.h` (`DS_ABI_VERSION`).
@_cdecl("ds_abi_version")
public func ds_abi_version() -> Int32 { 1 }

/// The message of the last failed call on the calling thread ("" when none failed). The
/// text stays valid until the next failing call on the same thread; do not free it.
@_cdecl("ds_last_error")
public func ds_last_error() -> UnsafePointer<CChar> { LastError.message }

/// Frees a string that a `ds_*` function returned (JSON descriptions, layer states); NULL is
/// ignored.
@_cdecl("ds_string_free")
public func ds_string_free(_ string: UnsafeMutablePointer<CChar>?) { free(string) }
