// the staff console (/staff) and invitation page (/invite/<token>) as their own chunk: residents never download it.
import { parseThemes } from '../core/parseThemes.ts';
import { getDeviceToken } from '../persistence/deviceToken.ts';
import { createHttpRepository } from '../persistence/httpRepository.ts';
import { createStaffApi } from '../persistence/staffApi.ts';
import { StaffConsole } from '../ui/admin/StaffConsole.tsx';
import themesText from '../../data/themes.json?raw';

const api = createStaffApi(createHttpRepository({ deviceToken: getDeviceToken() }));
const parsed = parseThemes(themesText);
const defaultThemes = parsed.ok ? parsed.value : [];

export default function StaffRoute({ inviteToken }: { inviteToken?: string }) {
  return <StaffConsole api={api} themes={defaultThemes} {...(inviteToken ? { inviteToken } : {})} />;
}
