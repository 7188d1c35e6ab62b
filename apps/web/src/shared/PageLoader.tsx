import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';

/** Shown while a page's code or data loads; no words (the catalogue may not be loaded yet). */
export function PageLoader(): ReactNode {
  return (
    <Center h="50vh" aria-busy="true">
      <Loader />
    </Center>
  );
}
