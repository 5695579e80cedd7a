import type { StepPrediction } from '../../engine/predictions';
import type { StepId } from './steps';

/** The predictable steps of the lesson and their choices. */
export const predictions: Readonly<Partial<Record<StepId, StepPrediction>>> = {
  send: {
    success: '200-token',
    options: [
      { id: '200-token', label: '200: token issued' },
      { id: '401-invalid_client', label: '401 invalid_client' },
      { id: '400-invalid_request', label: '400 invalid_request' },
      { id: '400-invalid_scope', label: '400 invalid_scope' },
    ],
  },
  'call-api': {
    success: '200-data',
    withoutCall: 'no-call',
    options: [
      { id: '200-data', label: '200: API data' },
      { id: '401-invalid_token', label: '401 invalid_token' },
      { id: '403-insufficient_scope', label: '403 insufficient_scope' },
      { id: 'no-call', label: 'No call: there is no token' },
    ],
  },
};
