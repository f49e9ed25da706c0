import Logging

/// The metadata of a log line, as both log handlers (standard error, the application log) show it: the handler's
/// own, the event's over it and the error's entries, walked sorted by key.
enum LogEventMetadata {
    /// The handler's metadata with the event's over it and `errorEntries(error)` when the event carries an error;
    /// the handler's own dictionary, not copied, when the event adds nothing (the usual request line).
    static func effective(_ base: Logger.Metadata, _ event: LogEvent,
                          errorEntries: (any Error) -> Logger.Metadata) -> Logger.Metadata {
        guard !(event.metadata?.isEmpty ?? true) || event.error != nil else { return base }
        var merged = base
        if let explicit = event.metadata { merged.merge(explicit) { $1 } }
        if let error = event.error { merged.merge(errorEntries(error)) { $1 } }
        return merged
    }

    /// Calls `body` for each entry but `excluded`, sorted by key; one entry (the usual request id) needs no sorted copy.
    static func forEachSorted(_ metadata: Logger.Metadata, excluding excluded: String? = nil,
                              _ body: (String, Logger.Metadata.Value) -> Void) {
        if metadata.count == 1 {
            for (key, value) in metadata where key != excluded { body(key, value) }
        } else {
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) where key != excluded { body(key, value) }
        }
    }
}
