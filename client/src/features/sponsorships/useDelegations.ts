import { useEffect, useState } from 'react';
import { api, type DelegationInfo } from '../../api/endpoints';

export function useDelegations(): DelegationInfo[] {
  const [list, setList] = useState<DelegationInfo[]>([]);
  useEffect(() => {
    let live = true;
    api
      .delegations()
      .then((d) => {
        if (live) setList(d);
      })
      // Without the list, co-sponsor codes are still checked by the server; nothing to show here.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return list;
}
