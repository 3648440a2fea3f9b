import type { Invocation } from '../functions/invocations';

/** A parsed admin API request: the SDK's params (JSON body or multipart form fields). */
export interface AdminRequest {
  action: string;
  params: Record<string, unknown>;
  requestId: string;
  /** The calling function invocation, found through its WX_API_TOKEN (absent for outside callers). */
  invocation: Invocation | undefined;
}

/** JSON bodies get `requestId` added; raw bodies are sent as they are (wx.openApi protobuf). */
export type AdminResponse = { json: Record<string, unknown> } | { raw: Buffer; contentType: string };

export type ActionHandler = (request: AdminRequest) => AdminResponse | Promise<AdminResponse>;

export type ActionTable = Record<string, ActionHandler>;
