import { openApiDocument } from '@/lib/openapi/document';
import { json } from '@/lib/wire/reply';

// The API document is public: it describes the API, it holds no data.
export function GET(): Response {
  return json(openApiDocument());
}
