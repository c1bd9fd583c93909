// A person's email in the console: the admin adds one on the edit form (a bad address gets the API's field error
// next to the field), the record shows it masked like the phone, and the audited reveal shows phone and email together.

export default [
  {
    name: 'admin adds an email to a person; a bad address is refused at the field',
    async run({ page, login, goto, shot, check, adminApi }) {
      const c1 = (await adminApi('/regions?q=GC-C01&limit=5')).items.find((r) => r.code === 'GC-C01');
      const person = (await adminApi(`/people?regionId=${c1.id}&limit=50`)).items.find((p) => p.phone && !p.email);
      check(person, 'a demo person with a phone and no email');
      await login('admin');
      await goto(`/console/people/${person.id}`);
      await page.getByTestId('person-name').waitFor();
      check((await page.getByTestId('person-email-value').innerText()).trim() === '—', 'no email yet');

      await page.getByTestId('person-edit').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('person-email').waitFor();
      // The address is the API's to judge: its field error lands under the email field, the dialog stays open.
      await dialog.getByTestId('person-email').fill('li.ming@@example');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const emailItem = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('person-email') });
      await emailItem.locator('.ant-form-item-explain-error').waitFor();
      const error = await emailItem.locator('.ant-form-item-explain-error').innerText();
      check(error.includes('格式不正确'), `the email field shows the API's error, got: ${error}`);
      check((await dialog.getByTestId('form-error').count()) === 0, 'no message above the form: the error sits at its field');
      await shot('bad-email');

      await dialog.getByTestId('person-email').fill('li.ming@example.org');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('person-email-value').filter({ hasText: 'l***@example.org' }).waitFor();
      await shot('email-masked');

      // Editing again: the kept address stays masked; blank keeps it.
      await page.getByTestId('person-edit').click();
      const again = page.getByRole('dialog');
      await again.getByTestId('person-email').waitFor();
      check((await again.getByTestId('person-email').inputValue()) === '', 'the masked address is not put in the field');
      check((await again.innerText()).includes('已登记 l***@example.org'), 'the form says an address is on file');
      await again.getByRole('button', { name: /保\s*存/ }).click();
      await again.waitFor({ state: 'detached' });
      check((await page.getByTestId('person-email-value').innerText()).includes('l***@example.org'), 'saving with the field blank keeps the address');

      // One audited reveal shows the phone and the email.
      check((await page.getByTestId('reveal-phone').innerText()).includes('邮箱'), 'the reveal button names both');
      await page.getByTestId('reveal-phone').click();
      const reveal = page.getByRole('dialog');
      await reveal.getByLabel('原因').fill('核对通知邮箱');
      await reveal.getByRole('button', { name: /查\s*看/ }).click();
      await reveal.waitFor({ state: 'detached' });
      await page.getByTestId('person-email-value').filter({ hasText: 'li.ming@example.org' }).waitFor();
      const body = await page.locator('body').innerText();
      check(/1\d{10}/.test(body), 'the full mobile number is shown too');
      await shot('revealed');
      const saved = await adminApi(`/people/${person.id}`);
      check(saved.email === 'l***@example.org' && saved.emailMasked === true, `the API keeps it masked: ${JSON.stringify(saved.email)}`);
    },
  },
];
