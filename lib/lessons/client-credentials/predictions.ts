import type { StepPrediction } from '../../engine/predictions';
import { apiCallPrediction } from '../token-run-text';
import type { StepId } from './steps';

/** The predictable steps of the lesson and their choices. */
export const predictions: Readonly<Partial<Record<StepId, StepPrediction>>> = {
  send: {
    success: '200-token',
    options: [
      { id: '200-token', label: '200: token issued' },
      { id: '401-invalid_client', label: '401 invalid_client' },
      { id: '400-invalid_request', label: '400 invalid_request' },
      { id: '400-unsupported_grant_type', label: '400 unsupported_grant_type' },
      { id: '400-unauthorized_client', label: '400 unauthorized_client' },
      { id: '400-invalid_scope', label: '400 invalid_scope' },
    ],
  },
  'call-api': apiCallPrediction,
};
