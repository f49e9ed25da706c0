import AppCore

extension EgresosModule {
    /// The validation language's settings from the module's environment: `ALLOWED_EMAIL_DOMAINS`
    /// (comma-separated, default `element.com.mx`) for `regex:element` (egresos.md §14).
    public var validationOptions: ValidationOptions {
        ValidationOptions(allowedEmailDomains: egresos.allowedEmailDomains)
    }
}
