/** A minimal OpenAPI 3.1 document builder: the server's paths plus whatever other packages add. */
export type JsonSchema = Record<string, unknown>;
/** Path → HTTP method → operation object. */
export type OpenApiPaths = Record<string, Record<string, unknown>>;
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: Record<string, unknown>;
  servers?: { url: string; description?: string }[];
  tags: { name: string; description?: string }[];
  paths: OpenApiPaths;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
  security: Record<string, string[]>[];
}

export class OpenApiRegistry {
  constructor(private readonly doc: OpenApiDocument) {}

  /** Adds (or extends) paths, e.g. from a route plugin of another package, and their tags/schemas. */
  add(part: {
    paths: OpenApiPaths;
    schemas?: Record<string, JsonSchema>;
    tags?: { name: string; description?: string }[];
  }): void {
    for (const [path, ops] of Object.entries(part.paths))
      this.doc.paths[path] = { ...this.doc.paths[path], ...ops };
    Object.assign(this.doc.components.schemas, part.schemas ?? {});
    for (const tag of part.tags ?? [])
      if (!this.doc.tags.some((t) => t.name === tag.name)) this.doc.tags.push(tag);
  }

  document(): OpenApiDocument {
    return this.doc;
  }
}
