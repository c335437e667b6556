/// Runs the body of a C ABI function: its typed error becomes the returned status and the
/// thread's last error message; success returns ``ABIStatus/ok``.
func abiCall(_ body: () throws(ABIError) -> Void) -> Int32 {
    do {
        try body()
        return ABIStatus.ok.rawValue
    } catch {
        LastError.set(error.message)
        return error.status.rawValue
    }
}
