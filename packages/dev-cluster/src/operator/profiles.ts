/**
 * Strimzi releases whose connector handling differs, as the stand-in
 * imitates them (see the Strimzi reference's SEMANTICS.md for the sources).
 */
export const STRIMZI_PROFILES = [
  '0.37',
  '0.45',
  '0.48',
  '0.51',
  '1.2',
] as const;

/** A Strimzi release the stand-in behaves like. */
export type StrimziProfile = (typeof STRIMZI_PROFILES)[number];

/** The default: the newest release. */
export const DEFAULT_STRIMZI_PROFILE: StrimziProfile = '1.2';

/** What differs between the profiles. */
export interface ProfileBehaviour {
  /** API versions served: 0.48 and older v1beta2 only, 0.49 to 0.51 both, 1.x v1 only. */
  strimziApi: 'v1' | 'v1-and-v1beta2' | 'v1beta2-only';
  /** 1.2 creates connectors with `POST /connectors` and `initial_state` (KIP-980); older ones with PUT. */
  createsWithInitialState: boolean;
  /** From 0.48 `strimzi.io/restart` takes `includeTasks` / `onlyFailed`; before, only `true` restarts. */
  restartOptions: boolean;
  /** From 1.1 pausing a FAILED connector is refused with NotReady. */
  refusesPauseOfFailed: boolean;
  /** From 0.38 connectors have `spec.state` (running / paused / stopped) and `spec.pause` is deprecated. */
  connectorState: boolean;
  /** From 0.44 connector offsets are listed and altered through `spec.listOffsets` / `spec.alterOffsets`. */
  offsets: boolean;
}

export function profileBehaviour(profile: StrimziProfile): ProfileBehaviour {
  switch (profile) {
    // Before `spec.state`: what the backend's `spec.pause` fallback is for.
    case '0.37':
      return {
        strimziApi: 'v1beta2-only',
        createsWithInitialState: false,
        restartOptions: false,
        refusesPauseOfFailed: false,
        connectorState: false,
        offsets: false,
      };
    case '0.45':
      return {
        strimziApi: 'v1beta2-only',
        createsWithInitialState: false,
        restartOptions: false,
        refusesPauseOfFailed: false,
        connectorState: true,
        offsets: true,
      };
    case '0.48':
      return {
        strimziApi: 'v1beta2-only',
        createsWithInitialState: false,
        restartOptions: true,
        refusesPauseOfFailed: false,
        connectorState: true,
        offsets: true,
      };
    case '0.51':
      return {
        strimziApi: 'v1-and-v1beta2',
        createsWithInitialState: false,
        restartOptions: true,
        refusesPauseOfFailed: false,
        connectorState: true,
        offsets: true,
      };
    default:
      return {
        strimziApi: 'v1',
        createsWithInitialState: true,
        restartOptions: true,
        refusesPauseOfFailed: true,
        connectorState: true,
        offsets: true,
      };
  }
}

/** Reads a `--strimzi` value; undefined when it names no profile. */
export function parseStrimziProfile(value: string): StrimziProfile | undefined {
  return STRIMZI_PROFILES.find(profile => profile === value.trim());
}

/**
 * The profile and API versions of `up --strimzi <profile> [--strimzi-api <mode>]`;
 * throws a message naming the flag and the values it takes.
 */
export function strimziFlags(
  profileFlag: string | undefined,
  apiFlag: string | undefined,
): { profile?: StrimziProfile; api: 'v1' | 'v1-and-v1beta2' | 'v1beta2-only' } {
  const profile = profileFlag ? parseStrimziProfile(profileFlag) : undefined;
  if (profileFlag && !profile) {
    throw new Error(
      `--strimzi ${profileFlag} is not a profile: use one of ${STRIMZI_PROFILES.join(
        ', ',
      )}`,
    );
  }
  const apiModes = ['v1', 'v1-and-v1beta2', 'v1beta2-only'];
  if (apiFlag && !apiModes.includes(apiFlag)) {
    throw new Error(
      `--strimzi-api must be one of ${apiModes.join(', ')}, not ${apiFlag}`,
    );
  }
  return {
    profile,
    api:
      (apiFlag as 'v1' | 'v1-and-v1beta2' | 'v1beta2-only' | undefined) ??
      profileBehaviour(profile ?? DEFAULT_STRIMZI_PROFILE).strimziApi,
  };
}
