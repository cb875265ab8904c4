import { render } from 'preact';
import { t } from '../../utils/i18n';

render(
  <main>
    <h1>{t('extName')}</h1>
  </main>,
  document.getElementById('app')!,
);
