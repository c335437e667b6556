import SolverRegistry
import DifferentiableSolvers
import Foundation

/// Decodes JSON input into a ``DifferentiableSolvers/JSONValue`` with a message that says
/// where the text is broken.
package enum JSONInput {
    /// Parses `bytes`; `source` names the input in the message ("input 'x.json'", "--options").
    package static func decode(_ bytes: [UInt8], source: String) throws(DsolveError) -> JSONValue {
        let data = Data(bytes)
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            // JSONSerialization says where the text is broken; the decoder does not.
            var detail = "\(error)"
            do {
                _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch let parseError as NSError {
                detail = parseError.userInfo[NSDebugDescriptionErrorKey] as? String ?? parseError.localizedDescription
            } catch {}
            throw DsolveError("\(source) is not valid JSON: \(detail)")
        }
    }
}
