import {
  type AssignLicenseRequest,
  graphGroupSchema,
  graphSubscribedSkuSchema,
  graphUserSchema,
} from "@allot/contracts";
import { z } from "zod";
import type { Http } from "./http.js";

/** A Graph collection: `value`, and `@odata.nextLink` (an absolute URL) while there is more. */
function collection<T extends z.ZodType>(item: T) {
  return z.object({ value: z.array(item), "@odata.nextLink": z.string().optional() });
}

/**
 * The Graph-compatible API (/graph/v1.0), which an app registration's access token reaches, as Microsoft's apps
 * reach Graph. Lists follow @odata.nextLink to the end.
 */
export function graphApi(http: Http) {
  async function all<T extends z.ZodType>(item: T, path: string): Promise<z.infer<T>[]> {
    const schema = collection(item);
    const items: z.infer<T>[] = [];
    let next: string | undefined = path;
    while (next !== undefined) {
      // nextLink is absolute; the API's own origin is cut off so the request goes through the same base URL.
      const relative: string = next.startsWith("http") ? next.slice(new URL(next).origin.length) : next;
      const page: z.infer<typeof schema> = await http.json(schema, "GET", relative);
      items.push(...page.value);
      next = page["@odata.nextLink"];
    }
    return items;
  }
  const g = "/graph/v1.0";
  return {
    users: () => all(graphUserSchema, `${g}/users?$top=999`),
    user: (idOrUpn: string) => http.json(graphUserSchema, "GET", `${g}/users/${encodeURIComponent(idOrUpn)}`),
    subscribedSkus: () => all(graphSubscribedSkuSchema, `${g}/subscribedSkus`),
    groups: () => all(graphGroupSchema, `${g}/groups?$top=999`),
    assignUserLicense: (idOrUpn: string, body: AssignLicenseRequest) =>
      http.json(graphUserSchema, "POST", `${g}/users/${encodeURIComponent(idOrUpn)}/assignLicense`, { json: body }),
    assignGroupLicense: (groupId: string, body: AssignLicenseRequest) =>
      http.json(graphGroupSchema, "POST", `${g}/groups/${encodeURIComponent(groupId)}/assignLicense`, { json: body }),
  };
}
