/// The OpenAPI 3.1 description of the Claret endpoints the mock emulates, served at
/// `GET /__harness/openapi.json` (contract section 9), so tools such as schemathesis or an editor can
/// drive and check a client against the same shapes.
enum OpenAPIDocument {
    static let text = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Claret inventory API (as emulated by claret-harness)",
            "version": "1",
            "description": "The tenant-scoped endpoints of Claret's public API that claret-harness serves. Shapes marked ASSUMED in the project's contract come from the behaviour profile and may be overridden."
          },
          "servers": [{"url": "/"}],
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "A token from tokens/create, sent as 'Authorization: Bearer <id>|<secret>'. Send 'X-Requested-With: XMLHttpRequest' too, or a refusal is a 302 to the login page instead of a 401."}},
            "parameters": {
              "tenant": {"name": "tenant", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}},
              "requestedWith": {"name": "X-Requested-With", "in": "header", "required": false, "schema": {"type": "string", "enum": ["XMLHttpRequest"]}}
            },
            "schemas": {
              "Message": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}},
              "ValidationError": {
                "type": "object", "required": ["message", "errors"],
                "properties": {"message": {"type": "string"}, "errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}}
              },
              "Record": {
                "type": "object", "required": ["item_name", "bin_name", "lot_name", "date_filled", "quantity", "uom"],
                "properties": {
                  "item_name": {"type": "string"}, "bin_name": {"type": "string"}, "lot_name": {"type": "string"},
                  "date_filled": {"type": "string", "format": "date"},
                  "quantity": {"oneOf": [{"type": "number", "exclusiveMinimum": 0}, {"type": "string"}]},
                  "uom": {"type": "string"}
                }
              },
              "ImportRequest": {
                "type": "object", "required": ["source", "arguments", "payload"],
                "properties": {
                  "source": {"const": "api"},
                  "arguments": {
                    "type": "object", "required": ["allow_record_creation", "allow_record_update", "should_continue_on_error"],
                    "properties": {"allow_record_creation": {"type": "boolean"}, "allow_record_update": {"type": "boolean"}, "should_continue_on_error": {"type": "boolean"}}
                  },
                  "payload": {"type": "array", "minItems": 1, "maxItems": 1000, "items": {"$ref": "#/components/schemas/Record"}}
                }
              },
              "ImportProcessed": {
                "type": "object", "required": ["message", "content"],
                "properties": {"message": {"type": "string"}, "content": {"type": "object", "required": ["status", "summary", "errors", "job_status_link"],
                  "properties": {
                    "status": {"enum": ["completed", "completed_with_errors", "failed"]},
                    "summary": {"type": "object", "properties": {"received": {"type": "integer"}, "created": {"type": "integer"}, "updated": {"type": "integer"}, "failed": {"type": "integer"}}},
                    "errors": {"type": "array", "items": {"type": "object", "properties": {"index": {"type": "integer"}, "field": {"type": ["string", "null"]}, "message": {"type": "string"}}}},
                    "job_status_link": {"type": "string"}
                  }}}
              },
              "ImportQueued": {
                "type": "object", "required": ["message", "content"],
                "properties": {"message": {"type": "string"}, "content": {"type": "object", "required": ["job_log_id", "status"], "properties": {"job_log_id": {"type": "integer"}, "status": {"const": "queued"}, "job_status_link": {"type": "string"}}}}
              },
              "JobStatus": {
                "type": "object", "required": ["message", "content"],
                "properties": {"message": {"type": "string"}, "content": {"type": "object", "required": ["job_log_id", "status", "type", "progress", "files"],
                  "properties": {
                    "job_log_id": {"type": "integer"},
                    "status": {"enum": ["queued", "processing", "completed", "completed_with_errors", "failed"]},
                    "type": {"type": "string"}, "description": {"type": "string"},
                    "progress": {"type": "object", "properties": {"completed_steps": {"type": "integer"}, "total_steps": {"type": "integer"}, "current_step": {"type": ["string", "null"]}}},
                    "files": {"type": "object", "properties": {"input": {"type": "array", "items": {"type": "string"}}, "staging": {"type": "array", "items": {"type": "string"}}, "output": {"type": "array", "items": {"type": "string"}}, "errors": {"type": "array", "items": {"type": "string"}}}},
                    "job_status_link": {"type": "string"},
                    "timestamps": {"type": "object", "properties": {"started_at": {"type": ["string", "null"]}, "completed_at": {"type": ["string", "null"]}}},
                    "user_id": {"type": "integer"}
                  }}}
              },
              "BatchDeleteRequest": {
                "type": "object",
                "properties": {
                  "rows": {"type": "array", "maxItems": 1000, "items": {"type": "object", "required": ["item"], "properties": {"item": {"type": "string"}, "location": {"type": "string"}, "location_area": {"type": "string"}, "bin": {"type": "string"}, "lot": {"type": "string"}, "date_filled": {"type": "string", "format": "date"}}}},
                  "items": {"type": "array", "items": {"type": "string"}}, "locations": {"type": "array", "items": {"type": "string"}},
                  "location_areas": {"type": "array", "items": {"type": "string"}}, "bins": {"type": "array", "items": {"type": "string"}},
                  "lots": {"type": "array", "items": {"type": "string"}},
                  "date_filled_from": {"type": "string", "format": "date"}, "date_filled_to": {"type": "string", "format": "date"}
                }
              },
              "BatchDeleted": {
                "type": "object", "required": ["message", "content"],
                "properties": {"message": {"type": "string"}, "content": {"type": "object", "properties": {"mode": {"enum": ["rows", "filters"]}, "deleted_count": {"type": "integer"}}}}
              }
            },
            "responses": {
              "Unauthenticated": {"description": "No valid token and the request asked for JSON (X-Requested-With or Accept).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}},
              "LoginRedirect": {"description": "No valid token and the request did not ask for JSON: Claret redirects to its login page.", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"text/html": {"schema": {"type": "string"}}}},
              "Invalid": {"description": "Laravel validation failure.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ValidationError"}}}},
              "TenantNotFound": {"description": "Unknown tenant.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}}
            }
          },
          "paths": {
            "/{tenant}/api/v1/tokens/create": {
              "post": {
                "summary": "Create a token from an e-mail and password given as query parameters.",
                "parameters": [{"$ref": "#/components/parameters/tenant"},
                  {"name": "email", "in": "query", "required": true, "schema": {"type": "string"}},
                  {"name": "password", "in": "query", "required": true, "schema": {"type": "string"}}],
                "responses": {
                  "200": {"description": "The token.", "content": {"application/json": {"schema": {"type": "object", "required": ["token"], "properties": {"token": {"type": "string", "pattern": "^[0-9]+\\|[A-Za-z0-9]{40}$"}}}}}},
                  "404": {"$ref": "#/components/responses/TenantNotFound"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/{tenant}/api/v1/inventory/import/process": {
              "post": {
                "summary": "Import inventory records: JSON (processed at once) or a CSV upload (processed as a job).",
                "security": [{"bearer": []}],
                "parameters": [{"$ref": "#/components/parameters/tenant"}, {"$ref": "#/components/parameters/requestedWith"}],
                "requestBody": {"required": true, "content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/ImportRequest"}},
                  "multipart/form-data": {"schema": {"type": "object", "required": ["file", "source", "allow_record_creation", "allow_record_update", "should_continue_on_error"],
                    "properties": {"file": {"type": "string", "contentMediaType": "text/csv"}, "source": {"const": "api"}, "allow_record_creation": {"type": "string"}, "allow_record_update": {"type": "string"}, "should_continue_on_error": {"type": "string"}, "mapping": {"type": "string", "description": "JSON object from record field to CSV header."}}}}
                }},
                "responses": {
                  "200": {"description": "JSON import processed.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportProcessed"}}}},
                  "202": {"description": "CSV upload queued as a job.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportQueued"}}}},
                  "302": {"$ref": "#/components/responses/LoginRedirect"},
                  "400": {"description": "Malformed JSON.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/TenantNotFound"},
                  "413": {"description": "Body over the size limit.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            },
            "/{tenant}/api/v1/imports/status/{job_log_id}": {
              "get": {
                "summary": "The status of an import job.",
                "security": [{"bearer": []}],
                "parameters": [{"$ref": "#/components/parameters/tenant"}, {"$ref": "#/components/parameters/requestedWith"},
                  {"name": "job_log_id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                "responses": {
                  "200": {"description": "The job.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/JobStatus"}}}},
                  "302": {"$ref": "#/components/responses/LoginRedirect"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"description": "Unknown job, or another user's job for a non-admin.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}}}
                }
              }
            },
            "/{tenant}/api/v1/inventory/batch-delete": {
              "post": {
                "summary": "Delete inventory records by rows (item plus optional fields) or by filters; rows win when both are given.",
                "security": [{"bearer": []}],
                "parameters": [{"$ref": "#/components/parameters/tenant"}, {"$ref": "#/components/parameters/requestedWith"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchDeleteRequest"}}}},
                "responses": {
                  "200": {"description": "Deleted.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchDeleted"}}}},
                  "302": {"$ref": "#/components/responses/LoginRedirect"},
                  "401": {"$ref": "#/components/responses/Unauthenticated"},
                  "404": {"$ref": "#/components/responses/TenantNotFound"},
                  "422": {"$ref": "#/components/responses/Invalid"}
                }
              }
            }
          }
        }
        """#
}
