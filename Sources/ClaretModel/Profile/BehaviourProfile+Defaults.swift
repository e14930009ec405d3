extension BehaviourProfile {
    /// The contract's values for every assumed behaviour, as the JSON a `--profile` file overrides.
    ///
    /// Each entry here is an [ASSUMED] rule of shared/contract.md (or a [DOC] shape kept beside them so a
    /// profile can reshape it). docs/assumptions.md lists them with the contract section they come from.
    /// In templates, `{name}` is replaced by a parameter; a string that is exactly one placeholder takes the
    /// parameter's JSON value (so `"{errors}"` becomes an object and `"{deleted_count}"` a number).
    public static let defaultDocument = #"""
        {
          "settings": {
            "max_records_per_request": 1000,
            "max_batch_delete_rows": 1000,
            "max_filter_values": 10000,
            "max_body_bytes": 10485760,
            "token_lifetime_seconds": null,
            "credentials_in_body": true,
            "accept_json_counts_as_ajax": true
          },
          "responses": {
            "token_created": {"status": 200, "body": {"token": "{token}"}},
            "tenant_not_found": {"status": 404, "body": {"message": "Tenant not found."}},
            "unauthenticated": {"status": 401, "body": {"message": "Unauthenticated."}},
            "unauthenticated_redirect": {
              "status": 302,
              "headers": {"Location": "{login_url}"},
              "content_type": "text/html; charset=UTF-8",
              "text": "<!DOCTYPE html>\n<html>\n    <head>\n        <meta charset=\"UTF-8\" />\n        <meta http-equiv=\"refresh\" content=\"0;url='{login_url}'\" />\n        <title>Redirecting to {login_url}</title>\n    </head>\n    <body>\n        Redirecting to <a href=\"{login_url}\">{login_url}</a>.\n    </body>\n</html>"
            },
            "validation_failed": {"status": 422, "body": {"message": "{message}", "errors": "{errors}"}},
            "malformed_json": {"status": 400, "body": {"message": "Malformed JSON body."}},
            "malformed_form": {"status": 400, "body": {"message": "The form body could not be parsed: {reason}."}},
            "import_processed": {"status": 200, "body": {"message": "Inventory import processed.", "content": "{content}"}},
            "import_queued": {"status": 202, "body": {"message": "Inventory import queued.", "content": "{content}"}},
            "batch_deleted": {
              "status": 200,
              "body": {"message": "Inventory records deleted.", "content": {"mode": "{mode}", "deleted_count": "{deleted_count}"}}
            },
            "job_not_found": {"status": 404, "body": {"message": "Job log not found."}},
            "route_not_found": {"status": 404, "body": {"message": "The route {path} could not be found."}},
            "method_not_allowed": {
              "status": 405,
              "body": {"message": "The {method} method is not supported for route {path}. Supported methods: {allowed}."}
            },
            "payload_too_large": {"status": 413, "body": {"message": "The request body is larger than {limit} bytes."}},
            "server_error": {"status": 500, "body": {"message": "Server Error"}}
          },
          "messages": {
            "required": "The {attribute} field is required.",
            "boolean": "The {attribute} field must be true or false.",
            "array": "The {attribute} field must be an array.",
            "string": "The {attribute} field must be a string.",
            "numeric": "The {attribute} field must be a number.",
            "greater_than_zero": "The {attribute} field must be greater than 0.",
            "date_format": "The {attribute} field must match the format Y-m-d.",
            "in": "The selected {attribute} is invalid.",
            "max_items": "The {attribute} field must not have more than {max} items.",
            "more_errors_one": "{message} (and 1 more error)",
            "more_errors_many": "{message} (and {count} more errors)",
            "credentials_incorrect": "The provided credentials are incorrect.",
            "criterion_required": "At least one deletion criterion is required.",
            "item_not_found": "Item '{name}' does not exist.",
            "bin_not_found": "Bin '{name}' does not exist.",
            "lot_not_found": "Lot '{name}' does not exist.",
            "uom_not_found": "Unit of measure '{name}' does not exist.",
            "creation_not_allowed": "The record does not exist and record creation is not allowed.",
            "update_not_allowed": "The record already exists and record update is not allowed.",
            "csv_invalid": "The file field must be a valid CSV file: {reason}",
            "csv_missing_column": "The file field must have the {column} column.",
            "mapping_invalid": "The mapping field must be a JSON object from record fields ({fields}) to CSV headers."
          }
        }
        """#
}
